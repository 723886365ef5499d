package io.shotcraft.targets.rules;

/** Pixel dimensions for an aspect ratio, for models that take width and height rather than a ratio. */
record Dimensions(int width, int height) {

    /**
     * The size of about {@code area} pixels with the ratio's shape, both sides multiples of {@code step} within
     * [min, max]; an extreme ratio is flattened to fit.
     */
    static Dimensions of(AspectRatio ratio, int area, int step, int min, int max) {
        double width = Math.sqrt(area * ratio.value());
        double height = width / ratio.value();
        return new Dimensions(side(width, step, min, max), side(height, step, min, max));
    }

    private static int side(double length, int step, int min, int max) {
        long rounded = Math.round(length / step) * step;
        return (int) Math.max(min, Math.min(max, rounded));
    }
}
