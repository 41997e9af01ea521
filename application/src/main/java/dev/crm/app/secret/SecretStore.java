package dev.crm.app.secret;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secrets of objects (a mail account's password), encrypted ({@link SecretCipher}), one row per object in the
 * table {@code secret}. It is not a read model: no event carries a secret, so a rebuild of the read models leaves
 * it alone. A secret is written in the transaction of the command that sets it (the caller's). At start, a stored
 * secret that the key does not open stops the application with an error naming {@code CRM_SECRET_KEY}.
 */
@Component
public class SecretStore implements InitializingBean {

    private final JdbcTemplate jdbc;
    private final Optional<SecretCipher> cipher;

    public SecretStore(JdbcTemplate jdbc, @Value("${crm.secret-key:}") String configured,
                @Value("${spring.datasource.url:}") String url, @Value("${crm.data-dir:./data}") Path dataDir) {
        this.jdbc = jdbc;
        this.cipher = SecretKeys.key(configured, url.startsWith("jdbc:h2:"), dataDir).map(SecretCipher::new);
    }

    /** Keeps {@code plain} as object {@code id}'s secret, replacing the one it had. */
    public void put(long id, String plain) {
        String sealed = cipher().encrypt(id, plain);
        if (jdbc.update("UPDATE secret SET sealed = ? WHERE object_id = ?", sealed, id) == 0) {
            jdbc.update("INSERT INTO secret (object_id, sealed) VALUES (?, ?)", id, sealed);
        }
    }

    /** Object {@code id}'s secret, if it has one. */
    public Optional<String> get(long id) {
        List<String> sealed = jdbc.queryForList("SELECT sealed FROM secret WHERE object_id = ?", String.class, id);
        return sealed.stream().findFirst().map(s -> cipher().decrypt(id, s));
    }

    @Override
    public void afterPropertiesSet() {
        List<java.util.Map<String, Object>> any = jdbc.queryForList(
                "SELECT object_id, sealed FROM secret ORDER BY object_id FETCH FIRST 1 ROWS ONLY");
        if (any.isEmpty()) {
            return;
        }
        if (cipher.isEmpty()) {
            throw new IllegalStateException("Secrets are stored (mail account passwords) but " + SecretKeys.VARIABLE
                    + " is not set: set it to the key they were stored with");
        }
        try {
            cipher.get().decrypt(((Number) any.get(0).get("object_id")).longValue(), (String) any.get(0).get("sealed"));
        } catch (SecretCipher.WrongKey e) {
            throw new IllegalStateException("The stored secrets (mail account passwords) do not open with the key: "
                    + SecretKeys.VARIABLE + " is not the key they were stored with");
        }
    }

    /** The cipher; without a key (PostgreSQL and no {@code CRM_SECRET_KEY}) a secret is refused with a 409 that says why. */
    private SecretCipher cipher() {
        return cipher.orElseThrow(() -> new dev.crm.command.Rejected.WrongState("error.secret.no-key",
                SecretKeys.VARIABLE));
    }
}
