package io.shotcraft.parameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English inflection for the parameter vocabularies, both ways: the forms of a base word (for a lexicon term
 * {@code drift~}) and the candidate bases of a form (for looking a word up in the extractor's lexicons), with the
 * irregular plurals of vocabulary/plurals.txt. Exact on purpose: {@link Mentions#stem} folds both sides of a
 * comparison crudely, which suits matching a value against a prompt, but as a lexicon's rule it would make "even" a
 * form of "evening", "stage" of "stag", "huge" of "hug" and "wine" of "win". Stateless and thread-safe.
 */
public final class Inflection {

    private static final Vocabulary PLURALS = Vocabulary.of("plurals");
    /** Irregular plurals by singular (man: men) and singulars by plural (men: man). */
    private static final Map<String, List<String>> IRREGULAR_PLURALS = byKey(PLURALS);
    private static final Map<String, String> IRREGULAR_SINGULARS = PLURALS.keyByTerm();

    private Inflection() {
    }

    /**
     * A word's forms: itself, -s, -es, -ed, -ing, the spelling changes of a final e, y or consonant (bake: baked,
     * baking; dolly: dollies, dollied; pan: panned, panning), and its irregular plurals (man: men). Generous: forms
     * that are not English ("pans", "panes") cost nothing when matched against real text.
     */
    public static List<String> forms(String base) {
        var forms = new ArrayList<>(List.of(base, base + "s", base + "es", base + "ed", base + "ing"));
        char last = base.charAt(base.length() - 1);
        String stem = base.substring(0, base.length() - 1);
        if (last == 'e') {
            forms.add(base + "d");
            if (!stem.isEmpty() && !Mentions.isVowel(stem.charAt(stem.length() - 1))) {
                forms.add(stem + "ing");
            }
        } else if (last == 'y') {
            forms.addAll(List.of(stem + "ies", stem + "ied"));
        } else if ("aeiouwx".indexOf(last) < 0) {
            forms.addAll(List.of(base + last + "ed", base + last + "ing"));
        }
        forms.addAll(IRREGULAR_PLURALS.getOrDefault(base, List.of()));
        return forms;
    }

    /** Whether a noun is plural: an irregular plural, or it ends in s but not ss, us or is ("pans", not "glass"). */
    public static boolean plural(String noun) {
        return IRREGULAR_SINGULARS.containsKey(noun) || noun.length() > 2 && noun.endsWith("s")
                && !noun.endsWith("ss") && !noun.endsWith("us") && !noun.endsWith("is");
    }

    /** Candidate singulars of a noun, most likely first: men: man; berries: berry; knives: knif, knife; pans: pan. */
    public static List<String> singulars(String noun) {
        var singulars = new ArrayList<String>();
        String irregular = IRREGULAR_SINGULARS.get(noun);
        if (irregular != null) {
            singulars.add(irregular);
        }
        if (noun.endsWith("ies") && noun.length() > 4) {
            singulars.add(noun.substring(0, noun.length() - 3) + "y");
        }
        if (noun.endsWith("ves") && noun.length() > 4) {
            singulars.add(noun.substring(0, noun.length() - 3) + "f");
            singulars.add(noun.substring(0, noun.length() - 3) + "fe");
        }
        if (noun.endsWith("es") && noun.length() > 3) {
            singulars.add(noun.substring(0, noun.length() - 2));
        }
        if (noun.endsWith("s") && !noun.endsWith("ss") && noun.length() > 2) {
            singulars.add(noun.substring(0, noun.length() - 1));
        }
        return singulars;
    }

    /** Candidate base forms of a regular verb form: chopping: chopp, choppe, chop; tries: try; bakes: bak, bake. */
    public static List<String> verbBases(String word) {
        var bases = new ArrayList<String>();
        if (word.endsWith("ies") || word.endsWith("ied")) {
            bases.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("ing") && word.length() > 4) {
            addStem(bases, word.substring(0, word.length() - 3));
        }
        if (word.endsWith("ed") && word.length() > 3) {
            addStem(bases, word.substring(0, word.length() - 2));
        }
        if (word.endsWith("es")) {
            bases.add(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            bases.add(word.substring(0, word.length() - 1));
        }
        return bases;
    }

    private static void addStem(List<String> bases, String stem) {
        bases.add(stem);
        bases.add(stem + "e");
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2)) {
            bases.add(stem.substring(0, n - 1));
        }
    }

    private static Map<String, List<String>> byKey(Vocabulary vocabulary) {
        var byKey = new HashMap<String, List<String>>();
        vocabulary.entries().forEach(entry -> byKey.put(entry.key(), entry.terms()));
        return Map.copyOf(byKey);
    }
}
