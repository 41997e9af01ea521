package dev.crm.app.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the key of the secret store comes from: {@code CRM_SECRET_KEY} (Base64 of 32 bytes) when it is set;
 * otherwise, on the embedded default only, a key generated once and kept in {@code CRM_DATA_DIR/secret.key}
 * (readable by its owner only), reused after a restart. On an external database without {@code CRM_SECRET_KEY}
 * there is no key: storing a secret is then refused, and stored ones make the start fail.
 */
public final class SecretKeys {

    /** The environment variable that holds the key, as errors name it. */
    public static final String VARIABLE = "CRM_SECRET_KEY";
    static final String FILE = "secret.key";

    private SecretKeys() {
    }

    /** The key: the given one (Base64, may be blank), else the data folder's file when {@code embedded}, else none. */
    public static Optional<byte[]> key(String configured, boolean embedded, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(decode(configured.strip(), VARIABLE));
        }
        return embedded ? Optional.of(fileKey(dataDir.resolve(FILE))) : Optional.empty();
    }

    /** The key kept in {@code file}, made (owner-only) when there is none yet. */
    static byte[] fileKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = SecretCipher.newKey();
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE, ".new");
                ownerOnly(temporary);
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.move(temporary, file); // never over a key another start wrote meanwhile
                    return key;
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(temporary);
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret key in " + file + "; set " + VARIABLE, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64 (" + VARIABLE + ": Base64 of "
                    + SecretCipher.KEY_BYTES + " random bytes, e.g. `openssl rand -base64 32`)");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalStateException(source + " must be Base64 of " + SecretCipher.KEY_BYTES + " bytes, not "
                    + key.length + " (" + VARIABLE + ", e.g. `openssl rand -base64 32`)");
        }
        return key;
    }
}
