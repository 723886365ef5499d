package io.shotcraft.tuning.offline;

import io.shotcraft.parameters.Mentions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Parameter;

/**
 * An aspect of a shot that a request can name or imply without naming a parameter: "make it night" is about the time
 * of day, "use a close-up" about the shot type. Each has the parameter names the extractor may use for it (the first
 * is the one to create), how people say it, and the terms that mark a phrase as a value of it. Declared in the order
 * in which a phrase is tested: "tracking shot" is a camera move before it is a shot type.
 */
enum OfflineEditAspect {

    CAMERA(List.of("camera", "camera_movement", "camera_motion"),
            List.of("camera", "camera movement", "camera move", "camera motion", "camera work"),
            List.of("dolly", "dolly in", "dolly out", "dolly zoom", "dolly shot", "slow pan", "whip pan", "camera pan",
                    "pan left", "pan right", "pan up", "pan down", "panning shot", "tilt up", "tilt down",
                    "zoom", "zoom in", "zoom out", "slow zoom", "push in", "pull back", "pull out", "tracking shot",
                    "tracking", "crane shot", "crane up", "crane down", "handheld", "hand held", "steadicam", "orbit",
                    "orbiting shot", "arc shot", "static camera", "locked off", "truck left", "truck right",
                    "follow shot", "fpv")),
    SHOT_TYPE(List.of("shot_type", "shot", "framing"),
            List.of("shot", "shot type", "type of shot", "framing", "angle", "camera angle", "shot size"),
            List.of("close up", "closeup", "extreme close up", "medium close up", "shot", "angle", "wide angle",
                    "aerial view", "overhead view", "top down view", "bird s eye view", "birds eye view", "pov",
                    "point of view", "macro")),
    STYLE(List.of("style", "visual_style", "art_style"),
            List.of("style", "art style", "visual style", "look", "aesthetic"),
            List.of("style", "anime", "cartoon", "animation", "watercolor", "watercolour", "oil painting",
                    "pencil sketch", "noir", "film noir", "black and white", "monochrome", "sepia",
                    "claymation", "stop motion", "3d render", "pixel art", "comic book", "photorealistic",
                    "photoreal", "hyperrealistic", "realistic", "cinematic", "documentary", "vintage film",
                    "35mm film", "16mm film", "8mm film", "vhs", "cel shaded", "low poly", "vaporwave", "steampunk",
                    "cyberpunk", "surreal", "impressionist", "art deco", "pixar", "aesthetic")),
    LIGHTING(List.of("lighting", "light"),
            List.of("lighting", "light", "lights", "illumination"),
            List.of("light", "lights", "lighting", "lit", "glow", "glint", "candlelight", "moonlight", "sunlight",
                    "lamplight", "firelight", "torchlight", "starlight", "daylight", "backlight", "backlit",
                    "spotlight", "illumination", "chiaroscuro")),
    WEATHER(List.of("weather"),
            List.of("weather", "the weather", "sky"),
            List.of("rain", "raining", "rainy", "rainfall", "rainstorm", "drizzle", "downpour", "snow", "snowing",
                    "snowy", "snowfall", "blizzard", "fog", "foggy", "mist", "misty", "haze", "hazy", "storm",
                    "stormy", "thunderstorm", "sunny", "cloudy", "overcast", "clear sky", "clear skies", "wind",
                    "windy", "hail", "sleet", "heat wave")),
    TIME_OF_DAY(List.of("time_of_day", "time"),
            List.of("time of day", "time", "time of the day", "hour"),
            List.of("night", "nighttime", "night time", "midnight", "dawn", "dusk", "sunrise", "sunset", "morning",
                    "afternoon", "evening", "noon", "midday", "twilight", "golden hour", "blue hour", "daytime", "day",
                    "daybreak", "nightfall")),
    MOOD(List.of("mood", "atmosphere", "vibe", "tone"),
            List.of("mood", "atmosphere", "vibe", "tone", "feel", "feeling"),
            List.of("mood", "atmosphere", "vibe", "spooky", "eerie", "creepy", "cheerful", "happy", "joyful",
                    "dramatic", "cozy", "cosy", "moody", "mysterious", "romantic", "peaceful", "calm", "serene",
                    "tense", "whimsical", "dreamy", "gloomy", "melancholic", "melancholy", "sad", "somber", "sombre",
                    "ominous", "playful", "epic", "nostalgic", "chaotic", "festive", "magical", "hopeful", "lonely",
                    "ethereal", "uplifting", "haunting", "menacing", "tranquil", "bleak"));

    /** Single-word times of day, which other values (lighting) may repeat. */
    static final List<String> TIMES = List.of("night", "nighttime", "midnight", "dawn", "dusk", "sunrise", "sunset",
            "morning", "afternoon", "evening", "noon", "midday", "twilight", "daytime", "daybreak", "nightfall");

    private static final int SHORT = 3;
    private static final Pattern CONJUNCTION = Pattern.compile("\\s+(?:and|or)\\s+", Pattern.CASE_INSENSITIVE);

    private final List<String> names;
    private final List<String> spoken;
    private final List<List<String>> terms;

    OfflineEditAspect(List<String> names, List<String> spoken, List<String> terms) {
        this.names = names;
        this.spoken = spoken;
        this.terms = terms.stream().map(Mentions::stems).toList();
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
