package dev.crm.command.file;

import java.text.Normalizer;

/**
 * Makes an uploaded file's name safe to store and to send back: no folders (a path keeps only its last
 * part), no control or bidirectional-override characters, no lone UTF-16 surrogates, no quotes or characters
 * Windows forbids, no leading dots, at most {@value #MAX} characters (a longer name is shortened, keeping its
 * extension: an upload is never refused for its name).
 */
public final class FileNames {

    public static final int MAX = 200;
    static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String sanitize(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean bad = Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT // bidi overrides, zero-width characters
                    || Character.getType(c) == Character.SURROGATE; // half a character: stored as "?" otherwise
            out.appendCodePoint(bad ? '_' : c);
        });
        String cleaned = out.toString().strip().replaceFirst("^\\.+", "").strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 16 ? cleaned.substring(dot) : "";
            int keep = MAX - ext.codePointCount(0, ext.length());
            // cut between code points, never inside a surrogate pair (an emoji, say)
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, keep)) + ext;
        }
        return cleaned.isEmpty() ? FALLBACK : cleaned;
    }
}
