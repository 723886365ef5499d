package io.shotcraft.learning.optimize;

import org.apache.commons.math3.special.Erf;

/**
 * Expected Improvement for minimisation, as scikit-optimize's {@code gaussian_ei}: with {@code u = best − mean − ξ},
 * {@code EI = u Φ(u/σ) + σ φ(u/σ)}, and 0 where σ is 0 (a point the model is sure about cannot surprise). ξ is in the
 * targets' units; skopt's and the default is 0.01.
 */
public final class ExpectedImprovement {

    public static final double DEFAULT_XI = 0.01;
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private ExpectedImprovement() {
    }

    /** EI at a point whose posterior has this mean and standard deviation, given the lowest target so far. */
    public static double of(double mean, double sd, double best, double xi) {
        if (!(sd > 0)) {
            return 0.0;
        }
        double improvement = best - mean - xi;
        double z = improvement / sd;
        // far below the best, the two terms cancel to rounding noise that may come out negative
        return Math.max(0.0, improvement * cdf(z) + sd * INV_SQRT_2PI * Math.exp(-0.5 * z * z));
    }

    public static double of(GaussianProcess.Prediction prediction, double best, double xi) {
        return of(prediction.mean(), prediction.sd(), best, xi);
    }

    /** Standard normal CDF, through erfc so the far lower tail keeps its relative precision. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
