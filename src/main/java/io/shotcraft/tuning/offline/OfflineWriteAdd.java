package io.shotcraft.tuning.offline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.offline.OfflineWriteText.NounPhrase;

/**
 * Writes a value the prompt does not mention: a prop joins the prompt's last list of props ("…, and a stand mixer"),
 * anything else gets a short sentence in plain present tense at the end ("The scene is lit by warm candlelight.",
 * "It is night.", "The camera dollies in."). Every sentence contains the value as it is, so that the rules find it.
 * Stateless.
 */
final class OfflineWriteAdd {

    private static final Set<String> FALLING = Set.of("rain", "drizzle", "snow", "hail", "sleet", "downpour",
            "rainfall", "snowfall", "snowflake");
    private static final Set<String> HANGING = Set.of("fog", "mist", "haze", "smoke", "smog", "steam");
    private static final Set<String> RAGING = Set.of("storm", "thunderstorm", "blizzard", "rainstorm", "snowstorm",
            "sandstorm");
    private static final Set<String> CAMERA_VERBS = Set.of("dolly", "pan", "tilt", "zoom", "push", "pull", "track",
            "orbit", "crane", "truck", "arc", "follow", "rise", "drift", "sweep", "circle", "glide", "move", "rotate",
            "spin", "fly", "descend", "ascend", "rack", "whip");
    private static final Set<String> CAMERA_STATES = Set.of("handheld", "static", "steady", "shaky", "still",
            "stationary", "locked");
    private static final Set<String> STYLE_QUALITIES = Set.of("photorealistic", "realistic", "hyperrealistic",
            "cinematic", "surreal", "impressionist", "minimalist", "photoreal", "stylized", "stylised");
    private static final Set<String> STYLE_MODES = Set.of("black", "monochrome", "sepia", "grayscale", "greyscale");
    private static final Set<String> LIGHTS = Set.of("light", "lights", "lighting", "glow", "glint", "glints", "lamp",
            "lamps", "lantern", "lanterns", "candle", "candles", "neon", "illumination", "spotlight", "backlight");
    private OfflineWriteAdd() {
    }

    /** Adds, in the parameters' order, every value the text does not mention yet (each part of a composite). */
    static void ensure(OfflineWriteText text, List<Parameter> parameters) {
        for (Parameter parameter : missing(text, parameters)) {
            String value = parameter.value();
            if (mentioned(text, value)) {
                continue;
            }
            if (!OfflineEditNames.isProp(parameter.name()) || !joinList(text, value, parameters)) {
                text.appendSentence(sentence(parameter.name(), value.strip(), parameters));
            }
            text.keep(value);
        }
    }

    /**
     * The parameters whose values the text lacks, those that mention other missing values first: writing "glints of
     * afternoon light" also writes the time of day "afternoon".
     */
    private static List<Parameter> missing(OfflineWriteText text, List<Parameter> parameters) {
        List<Parameter> missing = parameters.stream()
                .filter(p -> p.value() != null && !p.value().isBlank() && !mentioned(text, p.value()))
                .toList();
        return missing.stream()
                .sorted(Comparator.comparingLong((Parameter p) -> missing.stream()
                        .filter(other -> other != p && Mentions.mentions(p.value(), other.value())).count())
                        .reversed())
                .toList();
    }

    private static boolean mentioned(OfflineWriteText text, String value) {
        return Mentions.parts(value).stream().allMatch(part -> Mentions.mentions(text.text(), part));
    }

    /**
     * Joins the last list of props in the prompt: "spoons and a bottle." → "spoons, a bottle, and a stand mixer.";
     * a single prop after a preposition at a sentence's end takes a companion ("next to a bottle and a mixer").
     */
    private static boolean joinList(OfflineWriteText text, String value, List<Parameter> parameters) {
        Optional<NounPhrase> last = parameters.stream()
                .filter(p -> OfflineEditNames.isProp(p.name()) && p.value() != null && !p.value().equals(value))
                .flatMap(p -> text.occurrences(p.value()).stream())
                .map(text::nounPhrase)
                .filter(phrase -> endsClause(text, phrase.core().end()))
                .max((a, b) -> Integer.compare(a.core().end(), b.core().end()));
        if (last.isEmpty()) {
            return false;
        }
        NounPhrase phrase = last.get();
        String before = text.substring(text.sentenceStart(phrase.start()), phrase.start());
        String item = OfflineWriteGrammar.indefinite(value);
        if (before.endsWith(", and ") || before.endsWith(" and ")) {
            text.replace(phrase.core().end(), phrase.core().end(), ", and " + item);
            int and = phrase.start() - (before.endsWith(", and ") ? ", and ".length() : " and ".length());
            text.replace(and, phrase.start(), ", ");
            return true;
        }
        var preposition = text.wordBefore(phrase.start());
        if (preposition != null && OfflineEditWords.PREPOSITIONS.contains(preposition.word())) {
            text.replace(phrase.core().end(), phrase.core().end(), " and " + item);
            return true;
        }
        return false;
    }

    private static boolean endsClause(OfflineWriteText text, int position) {
        String rest = text.substring(position, text.length());
        return rest.isBlank() || ".!?;".indexOf(rest.charAt(0)) >= 0;
    }

    /** A sentence that introduces a value, by what the parameter is. */
    static String sentence(String name, String value, List<Parameter> parameters) {
        if (OfflineEditNames.isProp(name)) {
            return nearby(value);
        }
        Optional<Aspect> aspect = OfflineEditAspects.ofName(name);
        if (aspect.isPresent()) {
            return aspectSentence(aspect.get(), name, value);
        }
        return switch (name) {
            case OfflineEditNames.SUBJECT, "secondary_subject" -> "The scene features "
                    + OfflineWriteGrammar.indefinite(value) + ".";
            case OfflineEditNames.ACTION -> actionSentence(value, parameters);
            case OfflineEditNames.LOCATION -> "The scene takes place " + place(value) + ".";
            case "season" -> "It is " + value + ".";
            default -> "The " + OfflineEditNames.label(name) + " is " + value + ".";
        };
    }

    private static String nearby(String value) {
        String item = OfflineWriteGrammar.capitalise(OfflineWriteGrammar.indefinite(value));
        return item + (OfflineWriteGrammar.plural(value) ? " stand nearby." : " stands nearby.");
    }

    private static String aspectSentence(Aspect aspect, String name, String value) {
        return switch (aspect) {
            case TIME_OF_DAY -> "It is " + value + ".";
            case WEATHER -> weather(value);
            case LIGHTING -> lighting(value);
            case SHOT_TYPE -> shot(value);
            case CAMERA_MOVEMENT -> camera(value);
            case STYLE -> style(value);
            default -> "The " + OfflineEditNames.label(name) + " is " + value + ".";
        };
    }

    private static String weather(String value) {
        String head = OfflineEditWords.head(value);
        String subject = OfflineWriteGrammar.capitalise(value);
        if (FALLING.contains(Mentions.stem(head)) || FALLING.contains(head)) {
            return subject + (OfflineWriteGrammar.plural(value) ? " fall." : " falls.");
        }
        if (HANGING.contains(head)) {
            return subject + " hangs in the air.";
        }
        if (RAGING.contains(head)) {
            return OfflineWriteGrammar.capitalise(OfflineWriteGrammar.indefinite(value)) + " rages outside.";
        }
        return "The weather is " + value + ".";
    }

    private static String lighting(String value) {
        String head = Mentions.words(value).isEmpty() ? "" : Mentions.words(value).getLast();
        if (LIGHTS.contains(head) || head.endsWith("light")) {
            return "The scene is lit by " + value + ".";
        }
        return "The lighting is " + value + ".";
    }

    private static String shot(String value) {
        String head = OfflineEditWords.head(value);
        String framed = OfflineWriteGrammar.indefinite(value);
        return head.equals("angle") ? "Filmed from " + framed + "." : "Filmed as " + framed + ".";
    }

    private static String camera(String value) {
        List<String> words = Mentions.words(value);
        if (words.isEmpty()) {
            return "The camera moves.";
        }
        String first = value.substring(0, value.indexOf(' ') < 0 ? value.length() : value.indexOf(' '));
        if (CAMERA_VERBS.contains(words.getFirst())) {
            return "The camera " + OfflineWriteGrammar.thirdPerson(first) + value.substring(first.length()) + ".";
        }
        if (words.getLast().equals("shot")) {
            return "Filmed with " + OfflineWriteGrammar.indefinite(value) + ".";
        }
        if (words.size() == 1 && CAMERA_STATES.contains(words.getFirst())) {
            return "The camera is " + value + ".";
        }
        return "The camera performs " + OfflineWriteGrammar.indefinite(value) + ".";
    }

    private static String style(String value) {
        List<String> words = Mentions.words(value);
        String last = words.isEmpty() ? "" : words.getLast();
        if (last.equals("style") || STYLE_MODES.contains(words.isEmpty() ? "" : words.getFirst())) {
            return "Rendered in " + value + ".";
        }
        if (words.size() == 1 && STYLE_QUALITIES.contains(last)) {
            return "The style is " + value + ".";
        }
        return "Rendered in " + value + " style.";
    }

    private static String actionSentence(String value, List<Parameter> parameters) {
        String doer = parameters.stream().filter(p -> p.name().equals(OfflineEditNames.SUBJECT))
                .map(p -> OfflineEditWords.head(p.value())).filter(h -> !h.isEmpty())
                .findFirst().map(h -> "The " + h).orElse("The subject");
        String action = String.join(" and ", Mentions.parts(value));
        boolean ing = OfflineEditWords.isIng(OfflineEditWords.firstWord(action));
        return doer + (ing ? " is " : " ") + action + ".";
    }

    private static String place(String value) {
        return OfflineWriteGrammar.placePreposition(value) + " " + OfflineWriteGrammar.indefinite(value);
    }
}
