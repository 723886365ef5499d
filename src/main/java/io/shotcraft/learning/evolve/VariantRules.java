package io.shotcraft.learning.evolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every variant keeps, whichever engine wrote it: one line of text, at most the input's
 * {@code maxLength} characters, every never-change phrase in it (case-insensitive), and not the current prompt again.
 */
final class VariantRules {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private VariantRules() {
    }

    /** A variant's text as it is used: whitespace runs as one space, stripped; empty for null. */
    static String tidy(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The never-change phrases the text lacks, in their order (case-insensitive, whitespace normalised). */
    static List<String> missing(String text, List<String> neverChange) {
        var folded = fold(text);
        List<String> missing = new ArrayList<>();
        for (String phrase : neverChange) {
            if (!folded.contains(fold(phrase))) {
                missing.add(phrase);
            }
        }
        return missing;
    }

    /** Whether two prompts are the same text, case and whitespace aside. */
    static boolean same(String a, String b) {
        return fold(a).equals(fold(b));
    }

    static String fold(String text) {
        return tidy(text).toLowerCase(Locale.ROOT);
    }
}
