package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import io.shotcraft.parameters.Parameter;

/**
 * A source prompt as the offline writers read it: the source itself made safe to quote ({@link #prose}) and its
 * extracted parameters by role, each value made safe too. Keyword-style models (Stable Diffusion, Anime XL) are
 * written from the parts; prose models (Sora, Phoenix, Motion, Midjourney) quote the prose and add what it lacks.
 */
record OfflineScene(String prose, String subject, String action, String secondary, List<String> place,
        List<String> props, String camera, String shotType, String lighting, String atmosphere, String style,
        String palette, String mood) {

    private static final int MAX_PROPS = 4;

    static OfflineScene of(String source, List<Parameter> parameters) {
        var values = new HashMap<String, String>();
        var props = new ArrayList<String>();
        for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
            String value = PromptText.plain(parameter.value());
            if (value.isEmpty()) {
                continue;
            }
            if (parameter.name().startsWith("prop_")) {
                if (props.size() < MAX_PROPS) {
                    props.add(value);
                }
            } else {
                values.putIfAbsent(parameter.name(), value);
            }
        }
        var place = new ArrayList<String>();
        for (String name : List.of("location", "time_of_day", "season", "weather")) {
            if (values.containsKey(name)) {
                place.add(values.get(name));
            }
        }
        return new OfflineScene(PromptText.plain(source), values.get("subject"), values.get("subject_action"),
                values.get("secondary_subject"), List.copyOf(place), List.copyOf(props), values.get("camera"),
                values.get("shot_type"), values.get("lighting"), values.get("atmosphere"), values.get("style"),
                values.get("color_palette"), values.get("mood"));
    }

    /** Whether the parameters name what the scene is about; without a subject or a place, writers quote the prose. */
    boolean hasParts() {
        return subject != null || !place.isEmpty();
    }

    /** The subject with its action ("old fisherman mending nets"), or null. */
    String subjectWithAction() {
        if (subject == null) {
            return null;
        }
        return action == null ? subject : subject + " " + action;
    }

    /**
     * The scene as keywords in the order image models weigh them: subject and action, the secondary subject, the
     * place and time, props, shot, camera, lighting, atmosphere, style, palette, mood. Falls back to the prose.
     */
    List<String> keywords() {
        var keywords = new ArrayList<String>();
        if (!hasParts()) {
            keywords.add(prose);
        }
        add(keywords, subjectWithAction());
        add(keywords, secondary);
        keywords.addAll(place);
        keywords.addAll(props);
        for (String value : new String[] {shotType, camera, lighting, atmosphere, style, palette, mood}) {
            add(keywords, value);
        }
        return keywords;
    }

    private static void add(List<String> keywords, String value) {
        if (value != null && !value.isEmpty()) {
            keywords.add(value);
        }
    }
}
