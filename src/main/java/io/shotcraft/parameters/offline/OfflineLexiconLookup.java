package io.shotcraft.parameters.offline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Inflection;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;

/**
 * Looks words up in the extractor's lexicons, undoing simple English inflection ({@link Inflection}): plurals for
 * nouns, -s, -ed and -ing for verbs. Keys are {@link #normalize normalised}: lower case, hyphens as spaces, without
 * apostrophes.
 */
final class OfflineLexiconLookup {

    private static final int LONGEST_TERM = 4;
    /** Normalised noun to kind, modifier to kind, base verbs: vocabulary/nouns.txt, modifiers.txt, verbs.txt. */
    private static final Map<String, OfflineExtractKind> NOUNS = kinds("nouns");
    private static final Map<String, OfflineExtractKind> MODIFIERS = kinds("modifiers");
    private static final Set<String> VERBS = set(Vocabulary.of("verbs").terms("VERBS"));
    /** Irregular verb forms to their base: ran to run (vocabulary/verb-forms.txt). */
    private static final Map<String, String> VERB_FORMS = Vocabulary.of("verb-forms").keyByTerm();

    private OfflineLexiconLookup() {
    }

    /** The longest number of words a lexicon term has. */
    static int longestTerm() {
        return LONGEST_TERM;
    }

    /** Lower case, typographic apostrophes and hyphens undone, possessive 's and other apostrophes dropped. */
    static String normalize(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT).replace('’', '\'').replace('-', ' ').replace('‑', ' ');
        lower = lower.replace("'s ", " ");
        if (lower.endsWith("'s")) {
            lower = lower.substring(0, lower.length() - 2);
        }
        return String.join(" ", lower.replace("'", "").strip().split("\\s+"));
    }

    /** The kind of a noun, in the singular or plural; null when the lexicon does not know it. */
    static OfflineExtractKind noun(String key) {
        OfflineExtractKind kind = NOUNS.get(key);
        if (kind != null) {
            return kind;
        }
        for (String singular : singulars(key)) {
            kind = NOUNS.get(singular);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /** Whether a noun is in the plural: its last word is (see {@link Inflection#plural}). */
    static boolean plural(String key) {
        return Inflection.plural(key.substring(key.lastIndexOf(' ') + 1));
    }

    /** The singular of a known noun, to tell whether two phrases name the same thing; else the key itself. */
    static String nounLemma(String key) {
        if (NOUNS.containsKey(key)) {
            return key;
        }
        for (String singular : singulars(key)) {
            if (NOUNS.containsKey(singular)) {
                return singular;
            }
        }
        int space = key.lastIndexOf(' ');
        return key.substring(0, space + 1) + Mentions.stem(key.substring(space + 1));
    }

    /** What an adjective says, or null. Hyphenated words ending in "style" or "lit" are styles and lighting. */
    static OfflineExtractKind modifier(String key) {
        OfflineExtractKind kind = MODIFIERS.get(key);
        if (kind != null || key.indexOf(' ') < 0) {
            return kind;
        }
        String last = key.substring(key.lastIndexOf(' ') + 1);
        return switch (last) {
            case "style", "styled", "inspired", "esque" -> OfflineExtractKind.STYLE;
            case "lit" -> OfflineExtractKind.LIGHTING;
            default -> null;
        };
    }

    /** The base form of a verb in any of its forms (chops, chopped, chopping, ran), or null if it is not one. */
    static String verb(String key) {
        if (VERBS.contains(key)) {
            return key;
        }
        String irregular = VERB_FORMS.get(key);
        if (irregular != null) {
            return irregular;
        }
        for (String base : Inflection.verbBases(key)) {
            if (VERBS.contains(base)) {
                return base;
            }
        }
        return null;
    }

    /** Whether several words together form one entry of a lexicon ("olive oil", "next to", "black and white"). */
    static boolean isTerm(String key) {
        return noun(key) != null || MODIFIERS.containsKey(key)
                || OfflineLexiconWords.PREPOSITIONS.contains(key) || OfflineLexiconWords.DETERMINERS.contains(key)
                || OfflineLexiconWords.NUMBERS.contains(key);
    }

    /** Whether a word is an irregular verb form or a state read as one (ran, lit, asleep). */
    static boolean irregularVerbForm(String key) {
        return VERB_FORMS.containsKey(key);
    }

    /** The normalised terms of a list. */
    static Set<String> set(List<String> terms) {
        var set = new HashSet<String>();
        for (String term : terms) {
            set.add(normalize(term));
        }
        return Set.copyOf(set);
    }

    /** A vocabulary of terms by kind, normalised; a term listed under two kinds keeps the first. */
    private static Map<String, OfflineExtractKind> kinds(String name) {
        var kinds = new HashMap<String, OfflineExtractKind>();
        Vocabulary.of(name).termsBy(OfflineExtractKind.class)
                .forEach((kind, terms) -> terms.forEach(term -> kinds.putIfAbsent(normalize(term), kind)));
        return Map.copyOf(kinds);
    }

    /** Candidate singulars of a noun, changing only its last word. */
    private static List<String> singulars(String key) {
        int space = key.lastIndexOf(' ');
        String head = key.substring(0, space + 1);
        return Inflection.singulars(key.substring(space + 1)).stream().map(singular -> head + singular).toList();
    }
}
