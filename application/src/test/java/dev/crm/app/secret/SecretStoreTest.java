package dev.crm.app.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.crm.command.Rejected;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Without a key (an external database and no CRM_SECRET_KEY) a secret is refused with a reason, and nothing stored. */
class SecretStoreTest {

    @Test
    void withoutAKeyASecretIsRefusedNamingTheSetting() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        SecretStore store = new SecretStore(jdbc, "", "jdbc:postgresql://db/crm", Path.of("target/no-key"));
        assertThatThrownBy(() -> store.put(7, "s3cret-password")).isInstanceOfSatisfying(Rejected.WrongState.class,
                e -> {
                    assertThat(e.code()).isEqualTo("error.secret.no-key");
                    assertThat(e.args()).containsExactly(SecretKeys.VARIABLE);
                });
        verifyNoInteractions(jdbc);
    }
}
