package io.shotcraft.learning.reward;

import java.util.ArrayList;
import java.util.List;

/**
 * The design's colour histogram: 4 levels per channel (the top two bits of R, G and B), 64 bins, as fractions of the
 * pixels. Coarse on purpose: with a few hundred ratings, finer bins would be mostly empty and only add noise.
 */
final class ColourHistogram {

    static final int LEVELS = 4;

    private ColourHistogram() {
    }

    static List<String> names() {
        var names = new ArrayList<String>();
        for (int r = 0; r < LEVELS; r++) {
            for (int g = 0; g < LEVELS; g++) {
                for (int b = 0; b < LEVELS; b++) {
                    names.add("colour.r" + r + "g" + g + "b" + b);
                }
            }
        }
        return names;
    }

    static void compute(RgbImage image, double[] out, int offset) {
        int[] counts = new int[LEVELS * LEVELS * LEVELS];
        for (int p : image.rgb()) {
            counts[(p >>> 22 & 3) << 4 | (p >>> 14 & 3) << 2 | p >>> 6 & 3]++;
        }
        double n = image.rgb().length;
        for (int i = 0; i < counts.length; i++) {
            out[offset + i] = counts[i] / n;
        }
    }
}
