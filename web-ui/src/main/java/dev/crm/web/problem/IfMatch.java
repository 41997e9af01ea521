package dev.crm.web.problem;

/** Reads an If-Match header as an object version: {@code "3"}, {@code W/"3"} or {@code 3}; absent or * is null. */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw BadRequest.of("If-Match", "validation.if-match");
            }
            return version;
        } catch (NumberFormatException e) {
            throw BadRequest.of("If-Match", "validation.if-match");
        }
    }
}
