package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Mentions.Token;

/**
 * Word classes and phrase helpers of the edit engines; tokens, stems and phrase search are {@link Mentions}'. Stateless.
 */
final class OfflineEditWords {

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

    /**
     * The segment of a noun phrase that holds its head noun: before "of", "with", "on"… ("half-empty bottle" in
     * "half-empty bottle of olive oil").
     */
    static String headSegment(String phrase) {
        List<Token> tokens = Mentions.tokens(phrase);
        for (int i = 1; i < tokens.size(); i++) {
            if (PREPOSITIONS.contains(tokens.get(i).word()) || CONNECTIVES.contains(tokens.get(i).word())) {
                return phrase.substring(0, tokens.get(i).start()).strip();
            }
        }
        return phrase.strip();
    }

    /** The head noun of a noun phrase: the last word of its head segment ("bottle", "robot"); "" if none. */
    static String head(String phrase) {
        List<String> words = Mentions.words(headSegment(phrase));
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
        boolean shortSyllable = n >= 3 && n <= 4 && !Mentions.isVowel(v.charAt(n - 1)) && Mentions.isVowel(v.charAt(n - 2))
                && !Mentions.isVowel(v.charAt(n - 3)) && "wxy".indexOf(v.charAt(n - 1)) < 0;
        return shortSyllable ? v + v.charAt(n - 1) + "ing" : v + "ing";
    }

    /** The first word of a text, lower-case; "" if none. */
    static String firstWord(String text) {
        List<Token> tokens = Mentions.tokens(text);
        return tokens.isEmpty() ? "" : tokens.getFirst().word();
    }
}
