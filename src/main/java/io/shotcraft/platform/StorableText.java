package io.shotcraft.platform;

/**
 * Text PostgreSQL can store exactly as it was answered: no NUL (the server refuses it in text and jsonb) and no
 * unpaired UTF-16 surrogate (the driver would store it as {@code ?}). One rule for every text the API reads.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return unpaired(c);
            }
            if (Character.isLowSurrogate(c)) {
                return unpaired(c);
            }
        }
        return null;
    }

    private static String unpaired(char c) {
        return String.format("must not contain an unpaired surrogate (U+%04X)", (int) c);
    }

    /**
     * The text safe to put in a log line: control characters (line breaks above all, which would forge a line)
     * written as escapes, and at most {@code max} characters.
     */
    public static String forLog(String text, int max) {
        if (text == null) {
            return "null";
        }
        var sb = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (sb.length() >= max && text.length() > max) {
            sb.append('…');
        }
        return sb.toString();
    }

    public static String forLog(String text) {
        return forLog(text, 500);
    }
}
