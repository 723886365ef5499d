package io.shotcraft.tuning;

/**
 * Follows the text of a streamed JSON answer and returns, piece by piece, the decoded characters of one of its
 * string fields as they arrive: the regenerated prompt of an edit, to show it streaming in. Escapes split
 * across pieces wait for their end. One instance per stream; not thread-safe.
 */
final class PromptDeltas {

    private final String opening;
    private final StringBuilder raw = new StringBuilder();
    private int position = -1;
    private boolean closed;

    PromptDeltas(String field) {
        this.opening = "\"" + field + "\"";
    }

    /** Adds a piece of the answer's text; returns the field's newly complete characters (maybe none). */
    String feed(String piece) {
        raw.append(piece);
        if (closed) {
            return "";
        }
        if (position < 0 && !findValueStart()) {
            return "";
        }
        var out = new StringBuilder();
        while (position < raw.length()) {
            char c = raw.charAt(position);
            if (c == '"') {
                closed = true;
                break;
            }
            if (c != '\\') {
                out.append(c);
                position++;
                continue;
            }
            if (position + 1 >= raw.length()) {
                break;
            }
            char escaped = raw.charAt(position + 1);
            if (escaped == 'u') {
                if (position + 6 > raw.length()) {
                    break;
                }
                out.append((char) Integer.parseInt(raw.substring(position + 2, position + 6), 16));
                position += 6;
                continue;
            }
            out.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> escaped;
            });
            position += 2;
        }
        return out.toString();
    }

    private boolean findValueStart() {
        int key = raw.indexOf(opening);
        if (key < 0) {
            return false;
        }
        int i = key + opening.length();
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        if (i >= raw.length() || raw.charAt(i) != ':') {
            return false;
        }
        i++;
        while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        if (i >= raw.length() || raw.charAt(i) != '"') {
            return false;
        }
        position = i + 1;
        return true;
    }
}
