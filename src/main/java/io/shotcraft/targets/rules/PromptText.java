package io.shotcraft.targets.rules;

/**
 * The few text operations every model's rules share, each one pass over the text without regular expressions, so
 * they stay linear on long input.
 */
final class PromptText {

    private PromptText() {
    }

    /**
     * Cleans what an edit leaves behind: runs of spaces become one, no space before punctuation, no doubled commas,
     * no line opening with a comma or ending with one, at most one blank line in a row, no blank line at either end.
     */
    static String tidy(String text) {
        var out = new StringBuilder(text.length());
        int blankLines = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = tidyLine(text, start, end);
            if (line.isEmpty()) {
                blankLines++;
            } else {
                if (!out.isEmpty()) {
                    out.append(blankLines > 0 ? "\n\n" : "\n");
                }
                out.append(line);
                blankLines = 0;
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** The text cut to at most {@code maxChars} at a word boundary, without a dangling comma. */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        while (end > 0 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (end == 0) {
            end = maxChars;
        }
        return trimTrailing(text.substring(0, end).stripTrailing());
    }

    /**
     * A user's text made safe to quote in any model's prompt: the characters that carry syntax somewhere (brackets,
     * braces, {@code ::}, {@code --}, backslashes) become spaces or commas, and it becomes one tidy line.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '(', ')', '[', ']', '{', '}', '<', '>', '\\', '|', '"', '\n', '\r', '\t', '—' -> out.append(' ');
                case ':' -> {
                    if (next == ':') {
                        out.append(", ");
                        i++;
                    } else {
                        out.append(':');
                    }
                }
                case '-' -> {
                    if (next == '-') {
                        out.append(' ');
                        i++;
                    } else {
                        out.append('-');
                    }
                }
                default -> out.append(c);
            }
        }
        return tidy(out.toString());
    }

    /** The text without {@code ::} separators and the weights after them. */
    static String withoutMultiPrompts(String text) {
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("::", i)) {
                i += 2;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '-')) {
                    i++;
                }
                out.append(", ");
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The text with its first letter in upper case. */
    static String capitalised(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The text ending with a full stop unless it already ends a sentence. */
    static String sentence(String text) {
        String trimmed = trimTrailing(text.strip());
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '.' || last == '!' || last == '?' ? trimmed : trimmed + ".";
    }

    /** Whether a word occurs in the text as a whole word with exactly this spelling. */
    static boolean hasWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static String tidyLine(String text, int start, int end) {
        var out = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !out.isEmpty();
                continue;
            }
            if (c == ',' || c == ';' || c == '.') {
                trimEnd(out);
                char last = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
                if (out.isEmpty() || (c != '.' && (last == ',' || last == ';' || last == '.'))) {
                    space = !out.isEmpty();
                    continue;
                }
                if (c == '.' && (last == ',' || last == ';')) {
                    out.setLength(out.length() - 1);
                }
                out.append(c);
                space = false;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        int last = out.length();
        while (last > 0 && (out.charAt(last - 1) == ',' || out.charAt(last - 1) == ';')) {
            last--;
        }
        out.setLength(last);
        trimEnd(out);
        return out.toString();
    }

    private static void trimEnd(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String trimTrailing(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ',' || text.charAt(end - 1) == ';'
                || text.charAt(end - 1) == ':' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end);
    }
}
