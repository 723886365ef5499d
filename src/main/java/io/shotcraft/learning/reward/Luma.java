package io.shotcraft.learning.reward;

/**
 * An image's luma in [0, 1] (Rec. 709 weights on the stored, gamma-encoded values: what a viewer sees as
 * brightness, which is what edges, texture and lighting are about).
 */
record Luma(int width, int height, double[] values) {

    static Luma of(RgbImage image) {
        int[] rgb = image.rgb();
        double[] values = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            values[i] = (0.2126 * (p >>> 16 & 0xff) + 0.7152 * (p >>> 8 & 0xff) + 0.0722 * (p & 0xff)) / 255.0;
        }
        return new Luma(image.width(), image.height(), values);
    }
}
