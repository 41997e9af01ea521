package dev.crm.app.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(SecretCipher.newKey());

    @Test
    void aSecretComesBackAsItWentInAndIsSealedWithAFreshNonceEachTime() {
        String first = cipher.encrypt(7, "päss wörd");
        String second = cipher.encrypt(7, "päss wörd");
        assertThat(first).isNotEqualTo(second).doesNotContain("päss");
        assertThat(cipher.decrypt(7, first)).isEqualTo("päss wörd");
        assertThat(cipher.decrypt(7, second)).isEqualTo("päss wörd");
    }

    @Test
    void aChangedValueIsRefused() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(7, "password"));
        sealed[sealed.length - 20] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> cipher.decrypt(7, tampered)).isInstanceOf(SecretCipher.WrongKey.class);
        assertThatThrownBy(() -> cipher.decrypt(7, "AAAA")).isInstanceOf(SecretCipher.WrongKey.class);
        assertThatThrownBy(() -> cipher.decrypt(7, "not base64!")).isInstanceOf(SecretCipher.WrongKey.class);
    }

    @Test
    void anotherKeyOrAnotherObjectDoesNotOpenIt() {
        String sealed = cipher.encrypt(7, "password");
        assertThatThrownBy(() -> new SecretCipher(SecretCipher.newKey()).decrypt(7, sealed))
                .isInstanceOf(SecretCipher.WrongKey.class).hasMessageContaining("CRM_SECRET_KEY")
                .hasMessageNotContaining("password ");
        assertThatThrownBy(() -> cipher.decrypt(8, sealed)).as("moved to another object's row")
                .isInstanceOf(SecretCipher.WrongKey.class);
    }

    @Test
    void theKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
