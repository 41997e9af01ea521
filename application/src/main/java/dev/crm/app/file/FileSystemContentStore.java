package dev.crm.app.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Content under {@code CRM_DATA_DIR/content/ab/cd/<sha256>}. Uploads go to a temporary file in the same
 * file system while the hash is computed, then are renamed into place, so a content file is either whole
 * or absent.
 */
@Component
public class FileSystemContentStore implements ContentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path incoming;
    private final Clock clock;

    FileSystemContentStore(@Value("${crm.data-dir}") Path dataDir, Clock clock) throws IOException {
        this.root = dataDir.resolve("content");
        this.incoming = root.resolve("incoming");
        this.clock = clock;
        Files.createDirectories(incoming);
    }

    @Override
    public Stored put(InputStream content, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copyAtMost(content, out, maxBytes);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
            } else {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // a concurrent upload of the same bytes won; its copy is identical
                    Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                }
            }
            return new Stored(sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return valid(sha256) && Files.isRegularFile(path(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(require(sha256)));
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(require(sha256)));
    }

    @Override
    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && valid(name) && p.equals(path(name))) {
                    entries.add(new Entry(name, Files.getLastModifiedTime(p).toInstant()));
                }
            }
        }
        return entries;
    }

    private Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static boolean valid(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    private static String require(String sha256) {
        if (!valid(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return sha256;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
