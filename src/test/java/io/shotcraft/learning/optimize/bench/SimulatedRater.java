package io.shotcraft.learning.optimize.bench;

import java.util.Map;
import java.util.Random;

/**
 * A stand-in for a person rating renders on the design's preset space: a hidden utility in [0, 1], a smooth peak per
 * API (Leonardo's higher, at other settings than Stable Diffusion's, neither at the centre of the ranges), turned into
 * 1–5 stars with rating noise: {@code round(1 + 4 u + N(0, 0.5²))}, clamped.
 *
 * <p>Two shapes: {@link #BROAD} (width 0.35 of each range: ratings from 1 to 5 across the space, about 0.9 % of it
 * within 10 % of the optimum) and {@link #NARROW} (width 0.22: 1 star almost everywhere, about 0.2 % within 10 %).
 *
 * @param width the peaks' standard deviation, in units of each parameter's range
 */
public record SimulatedRater(String name, double width) {

    public static final SimulatedRater BROAD = new SimulatedRater("broad", 0.35);
    public static final SimulatedRater NARROW = new SimulatedRater("narrow", 0.22);

    /** Star noise (standard deviation before rounding), about half a star. */
    static final double NOISE = 0.5;

    /** The hidden utility; its maximum, 1, is at leonardo, 0.32, 7.8, 0.86. */
    public double utility(Map<String, Object> p) {
        boolean leonardo = "leonardo".equals(p.get("api"));
        double s = ((double) p.get("init_strength") - 0.1) / 0.4;
        double g = ((double) p.get("guidance_scale") - 5.0) / 7.0;
        double c = ((double) p.get("controlnet_weight") - 0.7) / 0.29;
        double[] centre = leonardo ? new double[] {0.55, 0.4, 0.55} : new double[] {0.25, 0.6, 0.35};
        double peak = leonardo ? 1.0 : 0.8;
        double r2 = sq(s - centre[0]) + sq(g - centre[1]) + sq(c - centre[2]);
        return peak * Math.exp(-0.5 * r2 / (width * width));
    }

    /** A rating of 1–5 stars. */
    public int stars(Map<String, Object> p, Random random) {
        double raw = 1 + 4 * utility(p) + NOISE * random.nextGaussian();
        return (int) Math.max(1, Math.min(5, Math.round(raw)));
    }

    private static double sq(double v) {
        return v * v;
    }
}
