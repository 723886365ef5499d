package io.shotcraft.learning.reward;

/**
 * A decoded image: pixels row by row as {@code 0xRRGGBB}, alpha dropped (renders are opaque, and a feature of the
 * transparent parts would describe the encoder, not the picture).
 */
public record RgbImage(int width, int height, int[] rgb) {

    public RgbImage {
        if (width < 1 || height < 1 || rgb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + (long) width * height
                    + " pixels, got " + rgb.length);
        }
    }

    public int at(int x, int y) {
        return rgb[y * width + x];
    }
}
