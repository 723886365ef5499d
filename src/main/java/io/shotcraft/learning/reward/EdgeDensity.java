package io.shotcraft.learning.reward;

import java.util.List;

/**
 * Edges from the Sobel gradient of the luma, scaled so that a step from black to white has magnitude 1: the fraction of
 * interior pixels whose magnitude exceeds {@link #THRESHOLD} (a step of a tenth of the range), and the mean magnitude.
 * Sobel stands in for the design's Canny: Canny's thinning and hysteresis mostly change how many pixels an edge
 * counts, which the threshold already fixes, at several times the cost. Images under 3×3 have no interior: 0 and 0.
 */
final class EdgeDensity {

    static final double THRESHOLD = 0.1;

    private EdgeDensity() {
    }

    static List<String> names() {
        return List.of("edges.density", "edges.mean_magnitude");
    }

    static void compute(Luma luma, double[] out, int offset) {
        int w = luma.width();
        int h = luma.height();
        double[] v = luma.values();
        if (w < 3 || h < 3) {
            return;
        }
        int edges = 0;
        double sum = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double gx = v[i - w + 1] + 2 * v[i + 1] + v[i + w + 1] - v[i - w - 1] - 2 * v[i - 1] - v[i + w - 1];
                double gy = v[i + w - 1] + 2 * v[i + w] + v[i + w + 1] - v[i - w - 1] - 2 * v[i - w] - v[i - w + 1];
                double magnitude = Math.sqrt(gx * gx + gy * gy) / 4;
                sum += magnitude;
                if (magnitude > THRESHOLD) {
                    edges++;
                }
            }
        }
        double interior = (double) (w - 2) * (h - 2);
        out[offset] = edges / interior;
        out[offset + 1] = sum / interior;
    }
}
