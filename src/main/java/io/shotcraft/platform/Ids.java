package io.shotcraft.platform;

import java.util.UUID;

/** Parses identifiers taken from request paths, answering 400 (not 404) when one is malformed. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String raw) {
        var id = parse(raw);
        if (id == null) {
            throw new ProblemException(ProblemType.INVALID_ID, "'" + truncate(raw) + "' is not a valid UUID");
        }
        return id;
    }

    /** The UUID in its canonical 36-character form, or null when {@code raw} is not one. */
    public static UUID parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String truncate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > 64 ? raw.substring(0, 64) + "…" : raw;
    }
}
