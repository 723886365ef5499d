package io.shotcraft.platform;

import java.util.UUID;

/** Parses identifiers taken from request paths, answering 400 (not 404) when one is malformed. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String raw) {
        if (raw != null && raw.length() == 36) {
            try {
                return UUID.fromString(raw);
            } catch (IllegalArgumentException e) {
                // fall through to the problem below
            }
        }
        throw new ProblemException(ProblemType.INVALID_ID, "'" + truncate(raw) + "' is not a valid UUID");
    }

    private static String truncate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > 64 ? raw.substring(0, 64) + "…" : raw;
    }
}
