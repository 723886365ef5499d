package io.shotcraft.parameters;

/**
 * Something known about a scene: read from a prompt, an image caption or parameter values (vocabulary/
 * scene-traits.txt and subjects.txt), or implied by an addition already chosen (moonlight makes it night). The
 * offline enhancer and suggester admit or exclude their additions by these.
 */
public enum Trait {
    NIGHT, DAY, NOON, TWILIGHT, OVERCAST, ARTIFICIAL_LIGHT,
    INDOOR, HOME, UNDERWATER, SPACE,
    RAIN, SNOW, FOG, COLD, CHILLED, HOT,
    DESERT, URBAN, ROAD, NATURE, FIELD, SEA, WATER, VAST, FIRE, EMPTY,
    SMALL, CLOSE, WIDE, AERIAL,
    /** Nothing in the shot moves. */
    STILL,
    /** The subject is at rest (sits, lies, perches), which does not keep the camera still. */
    RESTING,
    MOVING,
    MONOCHROME, WARM, COOL,
    /** Who or what the scene is about; the kinds of subject follow. */
    SUBJECT, PERSON, ANIMAL, FURRY, FEATHERED, CREATURE, CHARACTER,
    /** The prompt animates a reference image. */
    IMAGE;

    /** Whether the trait says who is in the scene rather than what the scene is. */
    public boolean subject() {
        return switch (this) {
            case SUBJECT, PERSON, ANIMAL, FURRY, FEATHERED, CREATURE, CHARACTER -> true;
            default -> false;
        };
    }
}
