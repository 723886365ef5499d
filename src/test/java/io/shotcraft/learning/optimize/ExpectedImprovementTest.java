package io.shotcraft.learning.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EI against the closed form, values from scipy.stats.norm in {@code gp_reference.py}. */
class ExpectedImprovementTest {

    @ParameterizedTest
    @CsvSource({
            "0.0, 1.0, 0.0, 0.3939622273492285",
            "1.2, 0.3, 1.0, 0.04286381304318305",
            "-0.5, 2.0, 0.1, 1.127352909457171",
            "3.0, 0.5, 0.0, 6.889659120253816e-11"})
    void matchesTheClosedForm(double mean, double sd, double best, double expected) {
        assertThat(ExpectedImprovement.of(mean, sd, best, 0.01)).isCloseTo(expected, within(1e-12 + 1e-9 * expected));
    }

    @Test
    void isZeroWithoutVarianceAndNeverNegative() {
        assertThat(ExpectedImprovement.of(-5.0, 0.0, 0.0, 0.01)).isZero();
        assertThat(ExpectedImprovement.of(5.0, 1e-3, 0.0, 0.01)).isZero();
        assertThat(ExpectedImprovement.of(40.0, 1.0, 0.0, 0.01)).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void growsWithUncertaintyAndWithAPredictedImprovement() {
        assertThat(ExpectedImprovement.of(0, 2, 0, 0.01)).isGreaterThan(ExpectedImprovement.of(0, 1, 0, 0.01));
        assertThat(ExpectedImprovement.of(-1, 1, 0, 0.01)).isGreaterThan(ExpectedImprovement.of(0, 1, 0, 0.01));
    }

    @Test
    void isAboutZeroAtAnObservedPointOfANearlyNoiseFreeModel() {
        double[][] x = {{0.0, 0.1}, {0.3, 0.9}, {0.5, 0.4}, {0.7, 0.7}, {1.0, 0.2}, {0.2, 0.5}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i][0] - 0.5) * (x[i][0] - 0.5) + x[i][1];
        }
        // the smallest noise the fit allows (skopt's WhiteKernel bound, 1e-5)
        var gp = GaussianProcess.withHyperparameters(x, y,
                new GaussianProcess.Hyperparameters(1.0, new double[] {0.5, 0.5}, 1e-5));
        double best = y[0];
        for (double v : y) {
            best = Math.min(best, v);
        }
        for (double[] point : x) {
            assertThat(gp.predict(point).variance()).isLessThan(1e-4);
            assertThat(ExpectedImprovement.of(gp.predict(point), best, 0.01)).isLessThan(1e-4);
        }
        assertThat(ExpectedImprovement.of(gp.predict(new double[] {0.5, 0.0}), best, 0.01)).isGreaterThan(1e-3);
    }
}
