package io.shotcraft.learning.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The GP against values computed independently with numpy/scipy by {@code gp_reference.py} (next to this file): a
 * fixed data set of six 2-d points, fixed hyperparameters, the posterior at four points and the log marginal
 * likelihood.
 */
class GaussianProcessTest {

    static final double[][] X = {{0.1, 0.2}, {0.4, 0.9}, {0.5, 0.5}, {0.8, 0.1}, {0.9, 0.7}, {0.2, 0.6}};
    static final double[] Y = {1.3, -0.4, 0.8, 2.1, -1.0, 0.2};
    static final GaussianProcess.Hyperparameters FIXED =
            new GaussianProcess.Hyperparameters(1.7, new double[] {0.3, 0.8}, 0.05);
    static final double[][] AT = {{0.3, 0.3}, {0.7, 0.8}, {0.5, 0.5}, {0.95, 0.05}};
    static final double[] MEAN = {0.8429450120475829, -0.24295361080186895, 0.76938890639441, 1.3047847391562755};
    static final double[] VARIANCE = {0.3478773656468196, 0.5066982919099298, 0.04934343332283958,
            0.5307225104792761};
    static final double LML = -9.80248380067593;

    @Test
    void posteriorMeanAndVarianceMatchTheNumpyReference() {
        var gp = GaussianProcess.withHyperparameters(X, Y, FIXED);
        for (int i = 0; i < AT.length; i++) {
            var p = gp.predict(AT[i]);
            assertThat(p.mean()).as("mean at point %d", i).isCloseTo(MEAN[i], within(1e-9));
            assertThat(p.variance()).as("variance at point %d", i).isCloseTo(VARIANCE[i], within(1e-9));
        }
    }

    @Test
    void logMarginalLikelihoodMatchesTheNumpyReference() {
        assertThat(GaussianProcess.withHyperparameters(X, Y, FIXED).logMarginalLikelihood())
                .isCloseTo(LML, within(1e-9));
    }

    /**
     * Two 1-d points worked by hand, independently of the class's Cholesky path. Points 0 and 1 with ratings 1 and 3:
     * standardised (mean 2, population sd 1) they are −1 and +1. With amplitude a, noise n, length scale l, the
     * covariance is {@code [[p, q], [q, p]]}, {@code p = a + n}, {@code q = a·M(1/l)}; (−1, 1) is its eigenvector of
     * eigenvalue {@code p − q}, so {@code α = (−1, 1)/(p − q)}, and at x with {@code k = (a·M(x/l), a·M((1−x)/l))}:
     * {@code mean = 2 + (k₂ − k₁)/(p − q)}, {@code variance = a − (p(k₁² + k₂²) − 2q·k₁k₂)/(p² − q²)}. For a = 2,
     * n = 0.1, l = 0.5 (M(2) = 0.13866021913850426), evaluated with Python's math module: the numbers below.
     */
    @Test
    void aTwoPointPosteriorMatchesItsClosedForm() {
        var gp = GaussianProcess.withHyperparameters(new double[][] {{0.0}, {1.0}}, new double[] {1.0, 3.0},
                new GaussianProcess.Hyperparameters(2.0, new double[] {0.5}, 0.1));
        assertThat(GaussianProcess.matern52(2.0)).isCloseTo(0.13866021913850426, within(1e-15));
        // halfway, by symmetry: the mean of the ratings, and the largest variance between the points
        assertThat(gp.predict(new double[] {0.5}).mean()).isCloseTo(2.0, within(1e-12));
        assertThat(gp.predict(new double[] {0.5}).variance()).isCloseTo(1.076035954907613, within(1e-9));
        assertThat(gp.predict(new double[] {0.25}).mean()).isCloseTo(1.401446219616632, within(1e-9));
        assertThat(gp.predict(new double[] {0.25}).variance()).isCloseTo(0.6335644911470939, within(1e-9));
        // at a data point: shrunk toward the mean by the noise, with little variance left
        assertThat(gp.predict(new double[] {1.0}).mean()).isCloseTo(2.9451357209492253, within(1e-9));
        assertThat(gp.predict(new double[] {1.0}).variance()).isCloseTo(0.09515357787321843, within(1e-9));
    }

    @Test
    void maternMatchesItsClosedForm() {
        assertThat(GaussianProcess.matern52(0)).isEqualTo(1.0);
        // (1 + √5 + 5/3) e^{-√5} at r = 1
        assertThat(GaussianProcess.matern52(1)).isCloseTo(0.5239941088318203, within(1e-12));
    }

    @Test
    void fittedHyperparametersImproveTheLikelihoodOverTheStartAndStayInBounds() {
        var random = new Random(7);
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]) + 0.1 * x[i][1] + 0.05 * random.nextGaussian();
        }
        double start = GaussianProcess.withHyperparameters(x, y, GaussianProcess.Hyperparameters.initial(2))
                .logMarginalLikelihood();
        var fitted = GaussianProcess.fit(x, y, 2, new Random(1));

        assertThat(fitted.logMarginalLikelihood()).isGreaterThan(start + 1.0);
        var h = fitted.hyperparameters();
        assertThat(h.amplitude()).isBetween(GaussianProcess.AMPLITUDE_LOW, GaussianProcess.AMPLITUDE_HIGH);
        assertThat(h.noise()).isBetween(GaussianProcess.NOISE_LOW, GaussianProcess.NOISE_HIGH);
        for (double l : h.lengthScales()) {
            assertThat(l).isBetween(GaussianProcess.LENGTH_LOW, GaussianProcess.LENGTH_HIGH);
        }
        // the second input barely matters: its length scale comes out longer than the first's
        assertThat(h.lengthScales()[1]).isGreaterThan(h.lengthScales()[0]);
    }

    @Test
    void fittingIsDeterministicForASeed() {
        var a = GaussianProcess.fit(X, Y, 2, new Random(3)).hyperparameters();
        var b = GaussianProcess.fit(X, Y, 2, new Random(3)).hyperparameters();
        assertThat(a.toLog()).containsExactly(b.toLog());
    }

    @Test
    void noiseFreeDataIsInterpolatedWithLittleVarianceAtTheData() {
        double[][] x = {{0.0}, {0.2}, {0.4}, {0.6}, {0.8}, {1.0}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.cos(3 * x[i][0]);
        }
        var gp = GaussianProcess.fit(x, y, 2, new Random(5));
        for (int i = 0; i < x.length; i++) {
            assertThat(gp.predict(x[i]).mean()).isCloseTo(y[i], within(1e-2));
            assertThat(gp.predict(x[i]).variance()).isLessThan(1e-3);
        }
        assertThat(gp.predict(new double[] {0.5}).mean()).isCloseTo(Math.cos(1.5), within(0.05));
    }

    @Test
    void conditioningOnALieKeepsTheHyperparametersAndShrinksTheVarianceThere() {
        var gp = GaussianProcess.withHyperparameters(X, Y, FIXED);
        double[] at = AT[1];
        var lied = gp.conditionedOn(new double[][] {at}, new double[] {-1.0});

        assertThat(lied.hyperparameters()).isSameAs(gp.hyperparameters());
        assertThat(lied.size()).isEqualTo(X.length + 1);
        assertThat(lied.predict(at).variance()).isLessThan(gp.predict(at).variance() / 5);
        assertThat(lied.predict(at).mean()).isLessThan(gp.predict(at).mean());
        // the real data are untouched
        assertThat(lied.predict(AT[3]).mean()).isCloseTo(gp.predict(AT[3]).mean(), within(0.2));
    }

    /** The bounds the optimiser uses on star ratings hold: the fit cannot explain the rating noise away. */
    @Test
    void fitRespectsALengthScaleFloorAndANoiseFloorInTheTargetsUnits() {
        var random = new Random(3);
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = Math.round(3 + 2 * x[i][0] + random.nextGaussian());
        }
        var free = GaussianProcess.fit(x, y, 2, new Random(1));
        var bounded = GaussianProcess.fit(x, y, 2, new Random(1), 0.2, 0.25);
        for (double l : bounded.hyperparameters().lengthScales()) {
            assertThat(l).isGreaterThanOrEqualTo(0.2);
        }
        assertThat(bounded.noiseVariance()).isGreaterThanOrEqualTo(0.25 * (1 - 1e-9));
        assertThat(bounded.logMarginalLikelihood()).isLessThanOrEqualTo(free.logMarginalLikelihood() + 1e-6);
    }

    @Test
    void posteriorCovarianceAgreesWithTheVarianceOfPredict() {
        var gp = GaussianProcess.withHyperparameters(X, Y, FIXED);
        double[][] c = gp.posteriorCovariance(AT);
        for (int i = 0; i < AT.length; i++) {
            assertThat(c[i][i]).isCloseTo(gp.predict(AT[i]).variance(), within(1e-9));
            for (int j = 0; j < AT.length; j++) {
                assertThat(c[i][j]).isCloseTo(c[j][i], within(1e-12));
            }
        }
    }
}
