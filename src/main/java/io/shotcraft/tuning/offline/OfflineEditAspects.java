package io.shotcraft.tuning.offline;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;

/**
 * How an edit request speaks of an aspect of the shot without naming its parameter: "make it night" is about the
 * time of day, "use a close-up" about the shot type. Per aspect, how people name it and the terms that mark a phrase
 * as a value of it (vocabulary/edit-aspects.txt); which parameters carry it is {@link Aspect}'s. Stateless.
 */
final class OfflineEditAspects {

    /** The aspects a request can speak of, in the order a phrase is tested: "tracking shot" is a camera move first. */
    private static final List<Aspect> ASPECTS = List.of(Aspect.CAMERA_MOVEMENT, Aspect.SHOT_TYPE, Aspect.STYLE,
            Aspect.LIGHTING, Aspect.WEATHER, Aspect.TIME_OF_DAY, Aspect.MOOD);

    private static final Vocabulary WORDS = Vocabulary.of("edit-aspects");
    private static final Map<Aspect, List<String>> SPOKEN = load(" spoken");
    private static final Map<Aspect, List<List<String>>> VALUES = stems(load(" values"));
    /** Single-word times of day, which other values (lighting) may repeat. */
    private static final List<String> TIMES = WORDS.terms("TIMES");

    private static final int SHORT = 3;
    private static final Pattern CONJUNCTION = Pattern.compile("\\s+(?:and|or)\\s+", Pattern.CASE_INSENSITIVE);

    private OfflineEditAspects() {
    }

    /** The aspect a spoken name refers to ("time of day", "lighting"), if any. */
    static Optional<Aspect> spoken(String phrase) {
        return ASPECTS.stream().filter(aspect -> SPOKEN.get(aspect).contains(phrase)).findFirst();
    }

    /** The aspect whose parameters include this name, if any. */
    static Optional<Aspect> ofName(String parameterName) {
        return ASPECTS.stream().filter(aspect -> aspect.carriedBy(parameterName)).findFirst();
    }

    /**
     * The aspect a phrase is a value of, judged by how its head segment ends ("warm candlelight", "a slow dolly" in "a
     * slow dolly in", "close-up" in "close-up of the hands") or, for a short phrase, how it ends ("push in"): "rain
     * jacket" is a prop, not weather, and "dance in the rain" an action.
     */
    static Optional<Aspect> of(String phrase) {
        List<String> whole = Mentions.stems(phrase);
        if (whole.size() <= SHORT) {
            Optional<Aspect> term = endingIn(whole);
            if (term.isPresent()) {
                return term;
            }
        }
        String[] conjuncts = CONJUNCTION.split(phrase.strip());
        if (conjuncts.length > 1) {
            return Arrays.stream(conjuncts).allMatch(c -> of(c).isPresent())
                    ? of(conjuncts[conjuncts.length - 1]) : Optional.empty();
        }
        return endingIn(Mentions.stems(OfflineEditWords.headSegment(phrase)));
    }

    /** The first single-word time of day in a phrase, if any. */
    static Optional<String> timeIn(String phrase) {
        return Mentions.words(phrase).stream().filter(TIMES::contains).findFirst();
    }

    private static Optional<Aspect> endingIn(List<String> stems) {
        return ASPECTS.stream().filter(aspect -> endsWithValue(aspect, stems)).findFirst();
    }

    private static boolean endsWithValue(Aspect aspect, List<String> stems) {
        for (List<String> term : VALUES.get(aspect)) {
            if (!stems.isEmpty() && stems.size() >= term.size()
                    && stems.subList(stems.size() - term.size(), stems.size()).equals(term)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Aspect, List<String>> load(String suffix) {
        var byAspect = new EnumMap<Aspect, List<String>>(Aspect.class);
        ASPECTS.forEach(aspect -> byAspect.put(aspect, WORDS.terms(aspect.name() + suffix)));
        return byAspect;
    }

    private static Map<Aspect, List<List<String>>> stems(Map<Aspect, List<String>> terms) {
        var stems = new EnumMap<Aspect, List<List<String>>>(Aspect.class);
        terms.forEach((aspect, list) -> stems.put(aspect, list.stream().map(Mentions::stems).toList()));
        return stems;
    }
}
