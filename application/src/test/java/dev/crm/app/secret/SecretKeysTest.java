package dev.crm.app.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    @TempDir
    Path data;

    @Test
    void theEmbeddedDefaultGeneratesItsKeyOnceReadableByItsOwnerOnlyAndReusesIt() throws Exception {
        byte[] first = SecretKeys.key("", true, data).orElseThrow();
        Path file = data.resolve(SecretKeys.FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] again = SecretKeys.key(null, true, data).orElseThrow();
        assertThat(again).isEqualTo(first).hasSize(32);
        // a secret sealed before the restart opens after it
        String sealed = new SecretCipher(first).encrypt(1, "pw");
        assertThat(new SecretCipher(again).decrypt(1, sealed)).isEqualTo("pw");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theEnvironmentsKeyComesFirstAndAnExternalDatabaseHasNoneWithoutIt() {
        byte[] key = SecretCipher.newKey();
        assertThat(SecretKeys.key(Base64.getEncoder().encodeToString(key), true, data)).contains(key);
        assertThat(data.resolve(SecretKeys.FILE)).doesNotExist();
        assertThat(SecretKeys.key(" ", false, data)).isEmpty();
    }

    @Test
    void aMalformedKeyNamesTheVariable() {
        assertThatThrownBy(() -> SecretKeys.key("c2hvcnQ=", false, data)).hasMessageContaining("CRM_SECRET_KEY")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretKeys.key("%%%", false, data)).hasMessageContaining("CRM_SECRET_KEY");
    }
}
