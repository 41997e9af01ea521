package dev.crm.app.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over short secrets (a mail account's password): each value gets a random 12-byte nonce, and the
 * 128-bit tag authenticates it together with the object it belongs to (its ID as associated data), so a value copied
 * to another object's row, changed, or read with another key is refused ({@link WrongKey}), never returned garbled.
 * The stored text is Base64 of nonce ‖ ciphertext ‖ tag.
 */
public final class SecretCipher {

    /** The key's length in bytes. */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A new random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The secret of object {@code id}, encrypted with a fresh nonce. */
    public String encrypt(long id, String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(id));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain secret of object {@code id}; {@link WrongKey} if the key is not the one it was sealed with or it was changed. */
    public String decrypt(long id, String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new WrongKey();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associated(id));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
            throw new WrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associated(long id) {
        return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
    }

    /** A stored secret that this key does not open: another key, or a changed value. Says nothing of the value. */
    public static final class WrongKey extends RuntimeException {
        public WrongKey() {
            super("a stored secret does not open with the key (CRM_SECRET_KEY), or it was changed");
        }
    }
}
