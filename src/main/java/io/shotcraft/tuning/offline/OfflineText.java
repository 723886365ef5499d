package io.shotcraft.tuning.offline;

import java.util.List;

import io.shotcraft.platform.text.Lexicon;

/**
 * Word-level matching of phrases against a text, shared by the offline tuning engines and the enhance faithfulness
 * check. Stateless and thread-safe.
 */
public final class OfflineText {

    private static final int SHORTEST_STEM = 3;

    private OfflineText() {
    }

    /**
     * Whether a text mentions a value. A value is one phrase or several joined by commas ("cooking food, chops
     * vegetables"); each of its parts must occur in the text as a run of whole words. The comparison ignores case,
     * punctuation and hyphens ("close-up" matches "close up"), and tolerates simple inflection: plurals (pan, pans;
     * box, boxes; city, cities) and verb forms (chop, chops, chopped, chopping; dance, danced, dancing).
     *
     * @param text  the text to search, such as a prompt; null counts as empty
     * @param value the value to find; null, blank or all-punctuation values are never mentioned
     * @return true when every part of the value occurs in the text
     */
    public static boolean mentions(String text, String value) {
        if (text == null || value == null) {
            return false;
        }
        List<String> haystack = stems(text);
        boolean anyPart = false;
        for (String part : value.split(",")) {
            List<String> needle = stems(part);
            if (needle.isEmpty()) {
                continue;
            }
            if (indexOf(haystack, needle) < 0) {
                return false;
            }
            anyPart = true;
        }
        return anyPart;
    }

    /** The lower-case words of a text: runs of letters and digits, everything else (hyphens too) separating them. */
    static List<String> words(String text) {
        return Lexicon.words(text);
    }

    /** The words of a text reduced to {@link #stem stems}. */
    static List<String> stems(String text) {
        return words(text).stream().map(OfflineText::stem).toList();
    }

    /**
     * A crude stem under which the simple inflections of a lower-case word meet: plural and third-person endings,
     * then -ing and -ed, then a final e and a doubled consonant (chopping, chopped and chops all give "chop"). Words
     * too short to carry an ending are kept as they are.
     */
    static String stem(String word) {
        String stem = verbal(plural(word));
        if (stem.length() > SHORTEST_STEM && stem.endsWith("e")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return undouble(stem);
    }

    private static String plural(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && word.length() > 4 && sibilant(word.substring(0, word.length() - 2))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && word.length() > SHORTEST_STEM && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static boolean sibilant(String stem) {
        return stem.endsWith("s") || stem.endsWith("x") || stem.endsWith("z") || stem.endsWith("ch")
                || stem.endsWith("sh");
    }

    private static String verbal(String word) {
        if (word.endsWith("ing") && word.length() - 3 >= SHORTEST_STEM) {
            return word.substring(0, word.length() - 3);
        }
        if (word.endsWith("ied") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ed") && word.length() - 2 > SHORTEST_STEM) {
            return word.substring(0, word.length() - 2);
        }
        return word;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n > SHORTEST_STEM && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && "aeiou".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    private static int indexOf(List<String> haystack, List<String> needle) {
        outer:
        for (int start = 0; start + needle.size() <= haystack.size(); start++) {
            for (int i = 0; i < needle.size(); i++) {
                if (!haystack.get(start + i).equals(needle.get(i))) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
