package io.shotcraft.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one way the service tells whether a text mentions a phrase, used by the extractor, the edit engines, the
 * prompt rules and enhance's faithfulness check: words are runs of letters and digits, compared by a light stem
 * that folds plural and verb endings ("pans" ~ "pan", "chopping" ~ "chops", "cities" ~ "city"), whole words only,
 * ignoring case. The words of one occurrence may be separated by spaces, hyphens and apostrophes ("close-up" matches
 * "close up") but not by other punctuation. Stateless and thread-safe.
 */
public final class Mentions {

    /** A run of letters or digits in a text, with its lower-case form, its stem and its position. */
    public record Token(String word, String stem, int start, int end) {
    }

    /** A range of a text: start inclusive, end exclusive. */
    public record Span(int start, int end) {

        public boolean within(Span other) {
            return start >= other.start && end <= other.end;
        }

        public int length() {
            return end - start;
        }
    }

    private Mentions() {
    }

    /**
     * Whether a text mentions a value. A value is one phrase or several joined by commas or semicolons ("cooking food,
     * chops vegetables"); each part must occur in the text. A value without any word is never mentioned.
     *
     * @param text  the text to search, such as a prompt; null counts as empty
     * @param value the value to find; null, blank or all-punctuation values are never mentioned
     */
    public static boolean mentions(String text, String value) {
        if (text == null || value == null) {
            return false;
        }
        List<Token> tokens = null;
        boolean anyPart = false;
        for (String part : parts(value)) {
            List<String> wanted = stems(part);
            if (wanted.isEmpty()) {
                continue;
            }
            if (tokens == null) {
                tokens = tokens(text);
            }
            if (!occurs(text, tokens, wanted)) {
                return false;
            }
            anyPart = true;
        }
        return anyPart;
    }

    /** Where a phrase occurs in a text; each span runs from its first word's start to its last word's end. */
    public static List<Span> find(String text, String phrase) {
        List<String> wanted = stems(phrase);
        var found = new ArrayList<Span>();
        if (wanted.isEmpty()) {
            return found;
        }
        List<Token> tokens = tokens(text);
        for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
            if (matchesAt(text, tokens, i, wanted)) {
                found.add(new Span(tokens.get(i).start(), tokens.get(i + wanted.size() - 1).end()));
            }
        }
        return found;
    }

    /** The comma- or semicolon-separated parts of a value, stripped: "cooking food, chops vegetables" has two. */
    public static List<String> parts(String value) {
        var parts = new ArrayList<String>();
        for (String part : value.split("[,;]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /** The tokens of a text: runs of letters and digits; everything else separates them. */
    public static List<Token> tokens(String text) {
        var tokens = new ArrayList<Token>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                tokens.add(new Token(word, stem(word), start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /** The lower-case words of a text. */
    public static List<String> words(String text) {
        return tokens(text).stream().map(Token::word).toList();
    }

    /** The stems of a text's words. */
    public static List<String> stems(String text) {
        return tokens(text).stream().map(Token::stem).toList();
    }

    /**
     * A word without its plural or verb ending, so that the forms of one word share a stem: pan/pans, chop/chops/
     * chopping/chopped, bake/bakes/baking, box/boxes, berry/berries. Crude on purpose: both sides of a comparison go
     * through it, so an odd stem only matters when two different words collide.
     */
    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("es") && sibilant(w.substring(0, w.length() - 2))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1))) {
            w = w.substring(0, n - 1);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    public static boolean isVowel(char c) {
        return "aeiou".indexOf(Character.toLowerCase(c)) >= 0;
    }

    private static boolean sibilant(String base) {
        return base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch")
                || base.endsWith("sh");
    }

    private static boolean occurs(String text, List<Token> tokens, List<String> wanted) {
        for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
            if (matchesAt(text, tokens, i, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(String text, List<Token> tokens, int at, List<String> wanted) {
        for (int k = 0; k < wanted.size(); k++) {
            Token token = tokens.get(at + k);
            if (!token.stem().equals(wanted.get(k))) {
                return false;
            }
            if (k > 0 && !joins(text, tokens.get(at + k - 1).end(), token.start())) {
                return false;
            }
        }
        return true;
    }

    private static boolean joins(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '\'' && c != '’') {
                return false;
            }
        }
        return true;
    }
}
