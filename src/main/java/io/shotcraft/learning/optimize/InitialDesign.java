package io.shotcraft.learning.optimize;

import java.util.Random;

/**
 * The first trials, before any model: a maximin Latin hypercube over the space's dimensions (each dimension's range cut
 * into as many strata as points, one point per stratum; of many such designs, the one whose closest two points are
 * farthest apart). Space-filling like skopt's {@code initial_point_generator="lhs"}, seeded so that a session asking
 * for its design points one or two at a time gets the same design each time. Commons Math's Sobol generator would do
 * too, but it reads its direction numbers from a classpath resource the native image would have to be told about.
 */
final class InitialDesign {

    private static final int TRIES = 200;

    private InitialDesign() {
    }

    /** {@code points} encoded points of the space, the same for the same seed. */
    static double[][] points(ParameterSpace space, int points, long seed) {
        double[][] quantiles = latinHypercube(points, space.dimensions().size(), new Random(seed));
        double[][] encoded = new double[points][];
        for (int i = 0; i < points; i++) {
            encoded[i] = space.encode(space.atQuantiles(quantiles[i]));
        }
        return encoded;
    }

    static double[][] latinHypercube(int points, int dimensions, Random random) {
        double[][] best = null;
        double bestSpread = -1;
        for (int t = 0; t < TRIES; t++) {
            double[][] design = new double[points][dimensions];
            for (int d = 0; d < dimensions; d++) {
                int[] strata = permutation(points, random);
                for (int i = 0; i < points; i++) {
                    design[i][d] = (strata[i] + random.nextDouble()) / points;
                }
            }
            double spread = closestPair(design);
            if (spread > bestSpread) {
                bestSpread = spread;
                best = design;
            }
        }
        return best;
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double closestPair(double[][] design) {
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < design.length; i++) {
            for (int j = 0; j < i; j++) {
                double d2 = 0;
                for (int k = 0; k < design[i].length; k++) {
                    double t = design[i][k] - design[j][k];
                    d2 += t * t;
                }
                closest = Math.min(closest, d2);
            }
        }
        return closest;
    }
}
