package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shotcraft.parameters.Inflection;
import io.shotcraft.parameters.Mentions;

/** The little English the offline writer needs: articles, number, verb agreement, capitals. Stateless. */
final class OfflineWriteGrammar {

    private static final List<String> A_BEFORE_VOWEL = List.of("uni", "use", "usu", "uti", "eu", "one", "once",
            "ubiq", "ufo", "ure", "uro");
    private static final List<String> AN_BEFORE_H = List.of("hour", "honest", "honor", "honour", "heir");
    private static final Set<String> UNCOUNTABLE = Set.of("oil", "water", "steam", "smoke", "rain", "snow", "fog",
            "mist", "haze", "flour", "sugar", "salt", "pepper", "rice", "sand", "bread", "food", "music", "furniture",
            "equipment", "light", "lighting", "grass", "dust", "fire", "ice", "milk", "wine", "coffee", "tea", "soup",
            "honey", "butter", "cheese", "foliage", "laundry", "luggage", "machinery", "paper", "traffic", "weather",
            "night", "darkness", "silence", "sunshine", "daylight");
    private static final Set<String> ON_PLACES = Set.of("beach", "street", "road", "rooftop", "roof", "mountain",
            "hill", "hillside", "field", "island", "bridge", "stage", "ship", "boat", "farm", "shore", "coast",
            "highway", "train", "bus", "plane", "lake", "river", "pier", "dock", "balcony", "terrace", "platform",
            "cliff", "moon", "deck", "runway", "track", "meadow", "lawn", "glacier", "mountaintop", "sidewalk");
    private static final Set<String> VOWEL_DIGITS = Set.of("8", "11", "18", "80", "800");

    private OfflineWriteGrammar() {
    }

    /** "a" or "an" for a phrase, by the sound of its first word (an hour, a unicorn, an 8mm film). */
    static String article(String phrase) {
        String word = OfflineEditWords.firstWord(phrase);
        if (word.isEmpty()) {
            return "a";
        }
        if (Character.isDigit(word.charAt(0))) {
            return VOWEL_DIGITS.stream().anyMatch(word::startsWith) ? "an" : "a";
        }
        if (AN_BEFORE_H.stream().anyMatch(word::startsWith)) {
            return "an";
        }
        boolean vowel = Mentions.isVowel(word.charAt(0)) && A_BEFORE_VOWEL.stream().noneMatch(word::startsWith);
        return vowel ? "an" : "a";
    }

    /** Whether a noun phrase is plural: its head noun is ("copper pans"), or it joins several ("X and Y"). */
    static boolean plural(String phrase) {
        if (Mentions.words(phrase).contains("and")) {
            return true;
        }
        return Inflection.plural(OfflineEditWords.head(phrase));
    }

    static boolean countable(String phrase) {
        String head = OfflineEditWords.head(phrase);
        return !UNCOUNTABLE.contains(head) && !head.endsWith("light");
    }

    /** The preposition for being at a place: "on" a beach, "in" a kitchen. */
    static String placePreposition(String place) {
        return ON_PLACES.contains(OfflineEditWords.head(place)) ? "on" : "in";
    }

    /** Whether a phrase is a name ("Studio Ghibli") rather than a common noun. */
    static boolean proper(String phrase) {
        return !phrase.isEmpty() && Character.isUpperCase(phrase.codePointAt(0));
    }

    /** A noun phrase with the indefinite article it needs: "a stand mixer", "an oven", but "copper pans". */
    static String indefinite(String phrase) {
        if (plural(phrase) || !countable(phrase) || proper(phrase)
                || OfflineEditWords.DETERMINERS.contains(OfflineEditWords.firstWord(phrase))) {
            return phrase;
        }
        return article(phrase) + " " + phrase;
    }

    /** The third person singular of a verb: dolly → dollies, push → pushes, hang → hangs. */
    static String thirdPerson(String verb) {
        String lower = verb.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "be", "are":
                return "is";
            case "have":
                return "has";
            case "were":
                return "was";
            case "do", "go":
                return verb + "es";
            default:
                break;
        }
        if (lower.length() > 1 && lower.endsWith("y") && !Mentions.isVowel(lower.charAt(lower.length() - 2))) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("sh") || lower.endsWith("ch") || lower.endsWith("x")
                || lower.endsWith("z")) {
            return verb + "es";
        }
        return verb + "s";
    }

    /** The plural form of a verb in the third person singular: sits → sit, carries → carry, is → are. */
    static String pluralVerb(String verb) {
        String lower = verb.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "is":
                return "are";
            case "was":
                return "were";
            case "has":
                return "have";
            case "does":
                return "do";
            case "goes":
                return "go";
            default:
                break;
        }
        if (lower.endsWith("ies") && lower.length() > 4) {
            return verb.substring(0, verb.length() - 3) + "y";
        }
        if (lower.endsWith("sses") || lower.endsWith("shes") || lower.endsWith("ches") || lower.endsWith("xes")
                || lower.endsWith("zes")) {
            return verb.substring(0, verb.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss")) {
            return verb.substring(0, verb.length() - 1);
        }
        return verb;
    }

    /** A finite verb made to agree with a subject of the given number. */
    static String agree(String verb, boolean plural) {
        String lower = verb.toLowerCase(Locale.ROOT);
        boolean singularForm = lower.equals("is") || lower.equals("was") || lower.equals("has")
                || (lower.endsWith("s") && !lower.endsWith("ss"));
        if (plural) {
            return singularForm ? pluralVerb(verb) : verb;
        }
        return singularForm ? verb : thirdPerson(verb);
    }

    /** The base form of an "-ing" verb: baking → bake, chopping → chop, cooking → cook. */
    static String baseOfIng(String word) {
        if (!OfflineEditWords.isIng(word)) {
            return word;
        }
        String stem = word.substring(0, word.length() - 3);
        int n = stem.length();
        char last = Character.toLowerCase(stem.charAt(n - 1));
        if (n > 2 && last == Character.toLowerCase(stem.charAt(n - 2)) && "lsz".indexOf(last) < 0) {
            return stem.substring(0, n - 1);
        }
        boolean shortSyllable = n == 3 && !Mentions.isVowel(stem.charAt(0))
                && Mentions.isVowel(stem.charAt(1)) && !Mentions.isVowel(last) && "wxy".indexOf(last) < 0;
        boolean softEnding = n > 2 && "cvgz".indexOf(last) >= 0 && !Mentions.isVowel(stem.charAt(n - 2));
        return shortSyllable || softEnding ? stem + "e" : stem;
    }

    /** A verb phrase in the form another one has: "baking a cake" as "bakes a cake" after "chops vegetables". */
    static String inFormOf(String phrase, String model) {
        String first = OfflineEditWords.firstWord(phrase);
        String modelFirst = OfflineEditWords.firstWord(model);
        if (first.isEmpty() || !OfflineEditWords.isIng(first) || OfflineEditWords.isIng(modelFirst)) {
            return phrase;
        }
        String base = baseOfIng(phrase.substring(0, first.length()));
        boolean thirdPerson = modelFirst.endsWith("s") && !modelFirst.endsWith("ss");
        return (thirdPerson ? thirdPerson(base) : base) + phrase.substring(first.length());
    }

    static String capitalise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
    }

    /** Whether a word looks like an adjective or participle placed before a noun ("scattered", "simmering"). */
    static boolean adjectival(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return OfflineEditAttribute.of(w).isPresent()
                || List.of("ed", "ing", "en", "ful", "ous", "al", "ic", "ive", "less", "ish", "y", "ern", "ent", "ant")
                        .stream().anyMatch(suffix -> w.length() > suffix.length() + 2 && w.endsWith(suffix));
    }
}
