package dev.crm.web.security;

import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs users in from the users read model and their stored password hash; inactive users cannot. */
@Service
class CrmUserDetailsService implements UserDetailsService {

    private final UserQueries users;
    private final JdbcTemplate jdbc;

    CrmUserDetailsService(UserQueries users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserView user = users.find(username).filter(UserView::active)
                .orElseThrow(() -> new UsernameNotFoundException("no active user"));
        List<String> hash = jdbc.queryForList("SELECT password_hash FROM user_credential WHERE username = ?",
                String.class, username);
        if (hash.isEmpty()) {
            throw new UsernameNotFoundException("no credential");
        }
        return User.withUsername(user.username()).password(hash.get(0))
                .authorities(user.actor().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.apiName()))
                        .toList())
                .build();
    }
}
