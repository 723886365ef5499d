package io.shotcraft.learning.reward;

import java.util.stream.IntStream;

/**
 * Centres each input column on its training mean and divides by its training standard deviation, so that one ridge
 * penalty treats a histogram bin, a parameter and a term count alike. A column constant in training keeps scale 1:
 * it is 0 for every training row, and a new value there shows as distance from the data (a large predictive variance)
 * instead of a division by zero.
 *
 * @param varying the columns that were not constant in training
 */
record Standardiser(double[] means, double[] scales, int[] varying) {

    private static final double CONSTANT = 1e-12;

    static Standardiser of(double[][] rows) {
        int d = rows[0].length;
        double[] means = new double[d];
        double[] sds = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[j];
            }
            double mean = sum / rows.length;
            double squares = 0;
            for (double[] row : rows) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            means[j] = mean;
            sds[j] = Math.sqrt(squares / rows.length);
        }
        int[] varying = IntStream.range(0, d).filter(j -> sds[j] > CONSTANT).toArray();
        double[] scales = IntStream.range(0, d).mapToDouble(j -> sds[j] > CONSTANT ? sds[j] : 1).toArray();
        return new Standardiser(means, scales, varying);
    }

    double[] apply(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - means[j]) / scales[j];
        }
        return z;
    }
}
