package dev.crm.web.security;

import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
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

    CrmUserDetailsService(UserQueries users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserQueries.SignIn signIn = users.forSignIn(username).filter(s -> s.user().active())
                .orElseThrow(() -> new UsernameNotFoundException("no active user"));
        if (signIn.passwordHash() == null) {
            throw new UsernameNotFoundException("no credential");
        }
        UserView user = signIn.user();
        // the rest of this request (CurrentActor) uses this reading instead of reading the user again
        RequestUser.remember(user);
        return User.withUsername(user.username()).password(signIn.passwordHash())
                .authorities(user.actor().roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.apiName()))
                        .toList())
                .build();
    }
}
