package io.shotcraft.enhance;

/** An aspect of a shot that the offline enhancer can add; declared in priority order, which is also text order. */
enum OfflineAspect {
    IMAGE_CONTEXT("image_context"),
    SHOT_TYPE("shot_type"),
    CAMERA_MOVEMENT("camera_movement"),
    MOTION("motion"),
    LIGHTING("lighting"),
    COLOR_ATMOSPHERE("color_atmosphere");

    final String wire;

    OfflineAspect(String wire) {
        this.wire = wire;
    }
}
