package io.shotcraft.learning.optimize.bench;

import java.util.List;
import java.util.Map;

import io.shotcraft.learning.optimize.Dimension;
import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * Standard test functions for Bayesian optimisation (minimised; the optimiser maximises, so callers negate), with
 * their domains and known minima, as in Jones et al. (1998) and skopt's {@code benchmarks} module.
 */
public final class TestFunctions {

    private TestFunctions() {
    }

    public static final double BRANIN_MIN = 0.397887357729738;
    public static final double HARTMANN6_MIN = -3.32236801141551;

    public static ParameterSpace braninSpace() {
        return ParameterSpace.of(new Dimension.Real("x1", -5, 10), new Dimension.Real("x2", 0, 15));
    }

    public static double branin(Map<String, Object> p) {
        double x1 = (double) p.get("x1");
        double x2 = (double) p.get("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    public static ParameterSpace hartmann6Space() {
        return ParameterSpace.of(
                new Dimension.Real("x1", 0, 1), new Dimension.Real("x2", 0, 1), new Dimension.Real("x3", 0, 1),
                new Dimension.Real("x4", 0, 1), new Dimension.Real("x5", 0, 1), new Dimension.Real("x6", 0, 1));
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    private static final List<String> H6 = List.of("x1", "x2", "x3", "x4", "x5", "x6");

    public static double hartmann6(Map<String, Object> p) {
        double total = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = (double) p.get(H6.get(j)) - P[i][j];
                inner += A[i][j] * d * d;
            }
            total -= ALPHA[i] * Math.exp(-inner);
        }
        return total;
    }
}
