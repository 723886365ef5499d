package io.shotcraft.parameters.offline;

/**
 * What a word or a noun phrase of a prompt is about. Kinds that name an aspect of the shot carry the name of the
 * parameter they fill; the others are kinds of things (a subject, a prop, a place) or of attributes (a colour).
 */
enum OfflineExtractKind {
    ANIMATE,
    BODY,
    PLACE("location"),
    PROP,
    CLOTHING,
    EVENT,
    VAGUE,
    TIME("time_of_day"),
    SEASON("season"),
    WEATHER("weather"),
    LIGHTING("lighting"),
    ATMOSPHERE("atmosphere"),
    CAMERA("camera"),
    SHOT("shot_type"),
    STYLE("style"),
    PALETTE("color_palette"),
    MOOD("mood"),
    COLOUR,
    MATERIAL,
    QUALITY;

    private final String parameter;

    OfflineExtractKind() {
        this(null);
    }

    OfflineExtractKind(String parameter) {
        this.parameter = parameter;
    }

    /** The parameter this kind fills on its own, or null for things and plain attributes. */
    String parameter() {
        return parameter;
    }

    /** Whether a phrase of this kind is a thing in the scene: a being, a body part, an object, an event. */
    boolean thing() {
        return this == ANIMATE || this == BODY || this == PROP || this == CLOTHING || this == EVENT;
    }
}
