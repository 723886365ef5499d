package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of prompts, parameter values and edit requests: tokens with their offsets, a light stemmer that folds
 * plural and verb endings ("pans" ~ "pan", "chopping" ~ "chops"), and whole-word phrase search built on both.
 * Stateless.
 */
final class OfflineEditWords {

    /** A run of letters or digits in a text, with its lower-case stem and its position. */
    record Token(String word, String stem, int start, int end) {
    }

    /** A range of a text: start inclusive, end exclusive. */
    record Span(int start, int end) {

        boolean within(Span other) {
            return start >= other.start && end <= other.end;
        }

        int length() {
            return end - start;
        }
    }

    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "some", "this", "that", "these", "those", "its",
            "his", "her", "their", "my", "your", "our", "two", "three", "four", "five", "several", "many", "few",
            "each", "every", "another", "one", "more", "all");
    static final Set<String> PREPOSITIONS = Set.of("on", "in", "at", "from", "with", "beside", "near", "under",
            "underneath", "beneath", "above", "over", "by", "to", "of", "among", "amid", "behind", "inside", "onto",
            "into", "against", "alongside", "across", "around", "atop", "below", "between", "through", "toward",
            "towards", "past", "along", "within", "without", "upon", "off", "outside", "next", "for", "like");
    static final Set<String> CONNECTIVES = Set.of("and", "or", "but", "while", "as", "where", "when", "whereas",
            "although", "though", "because", "since", "until", "if", "so", "then", "that", "which", "who", "whilst",
            "before", "after", "nor", "yet", "once");
    static final Set<String> PRONOUNS = Set.of("it", "him", "her", "them", "they", "he", "she", "its");
    static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "does", "do", "did", "can", "could", "will", "would", "should", "may", "might", "must");

    private OfflineEditWords() {
    }

    /** The tokens of a text: runs of letters and digits; everything else separates them. */
    static List<Token> tokens(String text) {
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
    static List<String> words(String text) {
        return tokens(text).stream().map(Token::word).toList();
    }

    /** The stems of a text's words. */
    static List<String> stems(String text) {
        return tokens(text).stream().map(Token::stem).toList();
    }

    /**
     * A word without its plural or verb ending, so that the forms of one word share a stem: pan/pans, chop/chops/
     * chopping/chopped, bake/bakes/baking, box/boxes, berry/berries. Crude on purpose: both sides of a comparison go
     * through it, so an odd stem only matters when two different words collide.
     */
    static String stem(String word) {
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

    private static boolean sibilant(String base) {
        return base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch")
                || base.endsWith("sh");
    }

    static boolean isVowel(char c) {
        return "aeiou".indexOf(Character.toLowerCase(c)) >= 0;
    }

    /**
     * Where a phrase occurs in a text, by whole words and stems, ignoring case; the words of one occurrence may be
     * separated by spaces, hyphens and apostrophes but not by punctuation. Each span runs from the first word's start
     * to the last word's end.
     */
    static List<Span> find(String text, String phrase) {
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

    /** Whether a text mentions a phrase (see {@link #find}); a phrase without words is trivially mentioned. */
    static boolean mentions(String text, String phrase) {
        return stems(phrase).isEmpty() || !find(text, phrase).isEmpty();
    }

    /** The comma- or semicolon-separated parts of a value: "cooking food, chops vegetables" has two. */
    static List<String> parts(String value) {
        var parts = new ArrayList<String>();
        for (String part : value.split("[,;]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /**
     * The segment of a noun phrase that holds its head noun: before "of", "with", "on"… ("half-empty bottle" in
     * "half-empty bottle of olive oil").
     */
    static String headSegment(String phrase) {
        List<Token> tokens = tokens(phrase);
        for (int i = 1; i < tokens.size(); i++) {
            if (PREPOSITIONS.contains(tokens.get(i).word()) || CONNECTIVES.contains(tokens.get(i).word())) {
                return phrase.substring(0, tokens.get(i).start()).strip();
            }
        }
        return phrase.strip();
    }

    /** The head noun of a noun phrase: the last word of its head segment ("bottle", "robot"); "" if none. */
    static String head(String phrase) {
        List<String> words = words(headSegment(phrase));
        return words.isEmpty() ? "" : words.getLast();
    }

    /** Whether a word is a present participle or gerund ("baking", "catching"). */
    static boolean isIng(String word) {
        return word.length() > 4 && word.toLowerCase(Locale.ROOT).endsWith("ing");
    }

    /** The "-ing" form of a verb: bake → baking, chop → chopping, lie → lying, cook → cooking. */
    static String ing(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        int n = v.length();
        if (v.endsWith("ie")) {
            return v.substring(0, n - 2) + "ying";
        }
        if (n > 2 && v.endsWith("e") && !v.endsWith("ee") && !v.endsWith("ye") && !v.endsWith("oe")) {
            return v.substring(0, n - 1) + "ing";
        }
        boolean shortSyllable = n >= 3 && n <= 4 && !isVowel(v.charAt(n - 1)) && isVowel(v.charAt(n - 2))
                && !isVowel(v.charAt(n - 3)) && "wxy".indexOf(v.charAt(n - 1)) < 0;
        return shortSyllable ? v + v.charAt(n - 1) + "ing" : v + "ing";
    }

    /** The first word of a text, lower-case; "" if none. */
    static String firstWord(String text) {
        List<Token> tokens = tokens(text);
        return tokens.isEmpty() ? "" : tokens.getFirst().word();
    }
}
