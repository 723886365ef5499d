package io.shotcraft.learning.reward;

import java.util.ArrayList;
import java.util.List;

/**
 * The design's lighting distribution: a 16-bin luma histogram (fractions of the pixels), the luma's mean and standard
 * deviation, the fractions clipped to black (luma ≤ {@link #DARK}) and to white (≥ {@link #BRIGHT}), and the mean
 * luma of a 3×3 grid of regions, row by row, which says where the light falls (a lit subject, a dark foreground).
 */
final class LightingDistribution {

    static final int BINS = 16;
    static final double DARK = 0.02;
    static final double BRIGHT = 0.98;
    static final int GRID = 3;

    private LightingDistribution() {
    }

    static List<String> names() {
        var names = new ArrayList<String>();
        for (int i = 0; i < BINS; i++) {
            names.add("lighting.luma_bin" + (i < 10 ? "0" : "") + i);
        }
        names.addAll(List.of("lighting.mean", "lighting.std", "lighting.dark_clip", "lighting.bright_clip"));
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                names.add("lighting.grid_r" + r + "c" + c);
            }
        }
        return names;
    }

    static void compute(Luma luma, double[] out, int offset) {
        double[] v = luma.values();
        double n = v.length;
        int[] counts = new int[BINS];
        double sum = 0;
        double squares = 0;
        int dark = 0;
        int bright = 0;
        for (double l : v) {
            counts[Math.min(BINS - 1, (int) (l * BINS))]++;
            sum += l;
            squares += l * l;
            dark += l <= DARK ? 1 : 0;
            bright += l >= BRIGHT ? 1 : 0;
        }
        for (int i = 0; i < BINS; i++) {
            out[offset + i] = counts[i] / n;
        }
        double mean = sum / n;
        out[offset + BINS] = mean;
        out[offset + BINS + 1] = Math.sqrt(Math.max(0, squares / n - mean * mean));
        out[offset + BINS + 2] = dark / n;
        out[offset + BINS + 3] = bright / n;
        grid(luma, out, offset + BINS + 4);
    }

    /** Region (r, c) covers rows [r·h/3, (r+1)·h/3) and columns likewise; an image under 3 pixels repeats its rows. */
    private static void grid(Luma luma, double[] out, int offset) {
        int w = luma.width();
        int h = luma.height();
        for (int r = 0; r < GRID; r++) {
            int y0 = Math.min(r * h / GRID, h - 1);
            int y1 = Math.max(y0 + 1, (r + 1) * h / GRID);
            for (int c = 0; c < GRID; c++) {
                int x0 = Math.min(c * w / GRID, w - 1);
                int x1 = Math.max(x0 + 1, (c + 1) * w / GRID);
                double sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += luma.values()[y * w + x];
                    }
                }
                out[offset + r * GRID + c] = sum / ((double) (y1 - y0) * (x1 - x0));
            }
        }
    }
}
