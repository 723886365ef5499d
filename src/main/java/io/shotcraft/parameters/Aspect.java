package io.shotcraft.parameters;

import java.util.List;

/**
 * An aspect of a shot that a prompt may state, an enhancement may add and a parameter may carry. Each has its wire
 * name (as an enhancement lists what it added) and the parameter names that carry it, the first being the one to
 * create. Some names are shared: a "mood" parameter also speaks for the atmosphere, and an "atmosphere" one for the
 * mood.
 */
public enum Aspect {
    IMAGE_CONTEXT("image_context"),
    SHOT_TYPE("shot_type", "shot_type", "shot", "framing", "shot_size"),
    CAMERA_MOVEMENT("camera_movement", "camera", "camera_movement", "camera_motion", "camera_move"),
    MOTION("motion", "motion", "movement", "scene_motion"),
    LIGHTING("lighting", "lighting", "light", "light_source"),
    TIME_OF_DAY("time_of_day", "time_of_day", "time"),
    WEATHER("weather", "weather"),
    STYLE("style", "style", "visual_style", "art_style"),
    COLOR_PALETTE("color_palette", "color_palette", "colour_palette", "palette", "colors", "colours", "color_grade"),
    ATMOSPHERE("atmosphere", "atmosphere", "mood", "ambience", "ambiance"),
    MOOD("mood", "mood", "atmosphere", "vibe", "tone"),
    /** Colour and atmosphere as one, as the offline enhancer adds them. */
    COLOR_ATMOSPHERE("color_atmosphere");

    private final String wire;
    private final List<String> parameterNames;

    Aspect(String wire, String... parameterNames) {
        this.wire = wire;
        this.parameterNames = List.of(parameterNames);
    }

    public String wire() {
        return wire;
    }

    /** The names of the parameters that carry this aspect, the one to create first; empty when none does. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The name of the parameter to create for this aspect. */
    public String parameter() {
        return parameterNames.getFirst();
    }

    /** Whether a parameter of this name carries the aspect. */
    public boolean carriedBy(String parameterName) {
        return parameterNames.contains(parameterName);
    }

    /** The parameter name for this aspect in these parameters: the first of its names they use, else the first. */
    public String nameIn(List<Parameter> parameters) {
        for (String name : parameterNames) {
            if (parameters.stream().anyMatch(p -> p.name().equals(name))) {
                return name;
            }
        }
        return parameter();
    }
}
