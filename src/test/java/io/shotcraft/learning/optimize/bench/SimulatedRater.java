package io.shotcraft.learning.optimize.bench;

import java.util.Map;
import java.util.Random;

/**
 * A stand-in for a person rating renders on the design's preset space: a hidden utility in [0, 1] (a smooth peak per
 * API, Leonardo's higher, at different settings), turned into 1–5 stars with rating noise. The peaks are not at the
 * centre of the ranges, and about 0.2 % of the space is within 10 % of the optimum, so random search rarely gets
 * there in 30 ratings.
 */
public final class SimulatedRater {

    /** Star noise (standard deviation before rounding), about half a star. */
    static final double NOISE = 0.5;

    private SimulatedRater() {
    }

    /** The hidden utility; its maximum, 1, is at leonardo, 0.32, 7.8, 0.86. */
    public static double utility(Map<String, Object> p) {
        boolean leonardo = "leonardo".equals(p.get("api"));
        double s = ((double) p.get("init_strength") - 0.1) / 0.4;
        double g = ((double) p.get("guidance_scale") - 5.0) / 7.0;
        double c = ((double) p.get("controlnet_weight") - 0.7) / 0.29;
        double[] centre = leonardo ? new double[] {0.55, 0.4, 0.55} : new double[] {0.25, 0.6, 0.35};
        double peak = leonardo ? 1.0 : 0.8;
        double width = 0.22;
        double r2 = sq(s - centre[0]) + sq(g - centre[1]) + sq(c - centre[2]);
        return peak * Math.exp(-0.5 * r2 / (width * width));
    }

    /** A rating of 1–5 stars: 1 + 4 × utility, plus noise, rounded. */
    public static int stars(Map<String, Object> p, Random random) {
        double raw = 1 + 4 * utility(p) + NOISE * random.nextGaussian();
        return (int) Math.max(1, Math.min(5, Math.round(raw)));
    }

    private static double sq(double v) {
        return v * v;
    }
}
