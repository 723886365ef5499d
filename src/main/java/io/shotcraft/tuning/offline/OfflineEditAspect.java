package io.shotcraft.tuning.offline;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Parameter;

/**
 * An aspect of a shot that a request can name or imply without naming a parameter: "make it night" is about the time
 * of day, "use a close-up" about the shot type. Each has the parameter names the extractor may use for it (the first
 * is the one to create), how people say it, and the terms that mark a phrase as a value of it (those two from
 * vocabulary/edit-aspects.txt). Declared in the order in which a phrase is tested: "tracking shot" is a camera move
 * before it is a shot type.
 */
enum OfflineEditAspect {

    CAMERA("camera", "camera_movement", "camera_motion"),
    SHOT_TYPE("shot_type", "shot", "framing"),
    STYLE("style", "visual_style", "art_style"),
    LIGHTING("lighting", "light"),
    WEATHER("weather"),
    TIME_OF_DAY("time_of_day", "time"),
    MOOD("mood", "atmosphere", "vibe", "tone");

    /** Single-word times of day, which other values (lighting) may repeat. */
    static final List<String> TIMES = Vocabulary.of("edit-aspects").terms("TIMES");

    private static final int SHORT = 3;
    private static final Pattern CONJUNCTION = Pattern.compile("\\s+(?:and|or)\\s+", Pattern.CASE_INSENSITIVE);

    private final List<String> names;
    private final List<String> spoken;
    private final List<List<String>> terms;

    OfflineEditAspect(String... names) {
        this.names = List.of(names);
        var words = Vocabulary.of("edit-aspects");
        this.spoken = words.terms(name() + " spoken");
        this.terms = words.terms(name() + " values").stream().map(Mentions::stems).toList();
    }

    /** The parameter name for this aspect: the one the parameters already use, else the first. */
    String nameIn(List<Parameter> parameters) {
        for (String name : names) {
            if (parameters.stream().anyMatch(p -> p.name().equals(name))) {
                return name;
            }
        }
        return names.getFirst();
    }

    boolean named(String parameterName) {
        return names.contains(parameterName);
    }

    /** The aspect a spoken name refers to ("time of day", "lighting"), if any. */
    static Optional<OfflineEditAspect> spoken(String phrase) {
        for (OfflineEditAspect aspect : values()) {
            if (aspect.spoken.contains(phrase)) {
                return Optional.of(aspect);
            }
        }
        return Optional.empty();
    }

    /** The aspect whose parameters include this name, if any. */
    static Optional<OfflineEditAspect> ofName(String parameterName) {
        for (OfflineEditAspect aspect : values()) {
            if (aspect.named(parameterName)) {
                return Optional.of(aspect);
            }
        }
        return Optional.empty();
    }

    /**
     * The aspect a phrase is a value of, judged by how its head segment ends ("warm candlelight", "a slow dolly" in "a
     * slow dolly in", "close-up" in "close-up of the hands") or, for a short phrase, how it ends ("push in"): "rain
     * jacket" is a prop, not weather, and "dance in the rain" an action.
     */
    static Optional<OfflineEditAspect> of(String phrase) {
        List<String> whole = Mentions.stems(phrase);
        if (whole.size() <= SHORT) {
            Optional<OfflineEditAspect> term = endingIn(whole);
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

    private static Optional<OfflineEditAspect> endingIn(List<String> stems) {
        for (OfflineEditAspect aspect : values()) {
            if (aspect.endsWithTerm(stems)) {
                return Optional.of(aspect);
            }
        }
        return Optional.empty();
    }

    private boolean endsWithTerm(List<String> stems) {
        for (List<String> term : terms) {
            if (!stems.isEmpty() && stems.size() >= term.size()
                    && stems.subList(stems.size() - term.size(), stems.size()).equals(term)) {
                return true;
            }
        }
        return false;
    }

    /** The first single-word time of day in a phrase, if any. */
    static Optional<String> timeIn(String phrase) {
        for (String word : Mentions.words(phrase)) {
            if (TIMES.contains(word)) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}
