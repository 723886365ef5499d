package io.shotcraft.enhance;

/**
 * Something known about the scene: read from the prompt and the image caption, or implied by an addition already
 * chosen (moonlight makes it night). Vocabulary entries are admitted or excluded by the traits of the scene.
 */
enum OfflineTrait {
    NIGHT, DAY, NOON, TWILIGHT,
    INDOOR, UNDERWATER, SPACE,
    RAIN, SNOW, FOG, COLD, CHILLED, DESERT,
    URBAN, ROAD, NATURE, FIELD, SEA, WATER, FIRE, HOT, HOME, EMPTY, SMALL,
    CLOSE, WIDE, STILL, MONOCHROME, WARM, COOL,
    PERSON, FURRY, FEATHERED, CREATURE,
    IMAGE
}
