package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;

/**
 * Parameter names as people say them ("time of day", "the setting", "the third prop") and as change descriptions
 * write them ("activity" for {@code subject_action}).
 */
final class OfflineEditNames {

    static final String SUBJECT = "subject";
    static final String ACTION = "subject_action";
    static final String LOCATION = "location";
    static final String PROP = "prop_";

    private static final Map<String, String> SPOKEN = Map.ofEntries(
            Map.entry("subject", SUBJECT), Map.entry("main subject", SUBJECT), Map.entry("character", SUBJECT),
            Map.entry("main character", SUBJECT), Map.entry("protagonist", SUBJECT), Map.entry("hero", SUBJECT),
            Map.entry("action", ACTION), Map.entry("actions", ACTION), Map.entry("activity", ACTION),
            Map.entry("subject action", ACTION), Map.entry("what it is doing", ACTION),
            Map.entry("what it s doing", ACTION), Map.entry("what it does", ACTION),
            Map.entry("location", LOCATION), Map.entry("setting", LOCATION), Map.entry("place", LOCATION),
            Map.entry("background", LOCATION), Map.entry("environment", LOCATION), Map.entry("venue", LOCATION),
            Map.entry("where", LOCATION), Map.entry("scene", LOCATION),
            Map.entry("season", "season"), Map.entry("palette", "color_palette"),
            Map.entry("color palette", "color_palette"), Map.entry("colour palette", "color_palette"),
            Map.entry("color scheme", "color_palette"), Map.entry("colour scheme", "color_palette"),
            Map.entry("colors", "color_palette"), Map.entry("colours", "color_palette"),
            Map.entry("second subject", "secondary_subject"), Map.entry("secondary subject", "secondary_subject"));
    private static final Map<String, String> LABELS = Map.of(ACTION, "activity", "color_palette", "color palette",
            "camera", "camera movement");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth");
    private static final Pattern NUMBERED_PROP = Pattern.compile("(?:prop|item|object)\\s*_?\\s*(\\d{1,3})");
    private static final Pattern ORDINAL_PROP = Pattern.compile("(\\p{L}+) (?:prop|item|object)");

    private OfflineEditNames() {
    }

    /**
     * The parameter a spoken name refers to, adapted to the names these parameters use ("atmosphere" where the
     * prompt has an atmosphere rather than a mood). The name may not exist yet: "set the weather to rain" adds it.
     */
    static Optional<String> resolve(String spoken, List<Parameter> parameters) {
        String phrase = String.join(" ", Mentions.words(spoken));
        String snake = phrase.replace(' ', '_');
        if (parameters.stream().anyMatch(p -> p.name().equals(snake))) {
            return Optional.of(snake);
        }
        Optional<String> prop = prop(phrase);
        if (prop.isPresent()) {
            return prop;
        }
        if (SPOKEN.containsKey(phrase)) {
            return Optional.of(SPOKEN.get(phrase));
        }
        return OfflineEditAspects.spoken(phrase).map(aspect -> aspect.nameIn(parameters));
    }

    private static Optional<String> prop(String phrase) {
        Matcher numbered = NUMBERED_PROP.matcher(phrase);
        if (numbered.matches()) {
            return Optional.of(PROP + Integer.parseInt(numbered.group(1)));
        }
        Matcher ordinal = ORDINAL_PROP.matcher(phrase);
        if (ordinal.matches() && ORDINALS.contains(ordinal.group(1))) {
            return Optional.of(PROP + (ORDINALS.indexOf(ordinal.group(1)) + 1));
        }
        return Optional.empty();
    }

    /** How a change description names a parameter: "time of day", "activity", "prop 3". */
    static String label(String name) {
        return LABELS.getOrDefault(name, name.replace('_', ' '));
    }

    static boolean isProp(String name) {
        return name.startsWith(PROP);
    }

    /** Whether a parameter's value is a thing (a noun phrase) rather than an action or a quality of the shot. */
    static boolean isThing(String name) {
        return !name.equals(ACTION) && OfflineEditAspects.ofName(name).isEmpty() && !name.equals("season")
                && !name.equals("color_palette");
    }
}
