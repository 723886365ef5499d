package io.shotcraft.learning.optimize;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Gaussian-process regression as scikit-optimize's default GP (sklearn's {@code GaussianProcessRegressor} with
 * {@code normalize_y=True}): kernel {@code amplitude × Matérn(ν=5/2, one length scale per input) + noise}, targets
 * standardised, hyperparameters by maximising the log marginal likelihood over skopt's bounds in log space, from the
 * initial values and then from random starts. As skopt's GP does after fitting, predictions leave the noise out: they
 * are of the underlying function, which is what Expected Improvement needs.
 *
 * <p>The linear algebra (Cholesky, solves, inverse) and the optimiser (BOBYQA, bounded and derivative-free, which
 * needs no hand-written gradient) come from Commons Math. Immutable; inputs are points of the unit cube.
 */
public final class GaussianProcess {

    /** skopt's bounds: {@code ConstantKernel(1.0, (0.01, 1000.0))}, Matérn length scales (0.01, 100), WhiteKernel's noise (1e-5, 1e5). */
    static final double AMPLITUDE_LOW = 0.01;
    static final double AMPLITUDE_HIGH = 1000.0;
    static final double LENGTH_LOW = 0.01;
    static final double LENGTH_HIGH = 100.0;
    static final double NOISE_LOW = 1e-5;
    static final double NOISE_HIGH = 1e5;
    /** sklearn's {@code alpha}: added to the diagonal for numerical stability. */
    static final double JITTER = 1e-10;
    private static final double SQRT5 = Math.sqrt(5.0);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** What an impossible set of hyperparameters scores: far below any real likelihood, yet finite for BOBYQA's models. */
    private static final double UNFIT = -1e10;

    /**
     * Kernel hyperparameters, in units of the standardised targets: {@code k(a, b) = amplitude · M(r) + noise · [a = b]}
     * with {@code r² = Σ ((a_i − b_i) / lengthScales_i)²} and M the Matérn 5/2 correlation.
     */
    public record Hyperparameters(double amplitude, double[] lengthScales, double noise) {

        public Hyperparameters {
            lengthScales = lengthScales.clone();
        }

        /** sklearn's starting point: every value 1. */
        public static Hyperparameters initial(int dimensions) {
            double[] ones = new double[dimensions];
            Arrays.fill(ones, 1.0);
            return new Hyperparameters(1.0, ones, 1.0);
        }

        @Override
        public double[] lengthScales() {
            return lengthScales.clone();
        }

        double[] toLog() {
            double[] theta = new double[lengthScales.length + 2];
            theta[0] = Math.log(amplitude);
            for (int i = 0; i < lengthScales.length; i++) {
                theta[i + 1] = Math.log(lengthScales[i]);
            }
            theta[theta.length - 1] = Math.log(noise);
            return theta;
        }

        static Hyperparameters fromLog(double[] theta) {
            double[] lengths = new double[theta.length - 2];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = Math.exp(theta[i + 1]);
            }
            return new Hyperparameters(Math.exp(theta[0]), lengths, Math.exp(theta[theta.length - 1]));
        }

        @Override
        public String toString() {
            return "Hyperparameters[amplitude=" + amplitude + ", lengthScales=" + Arrays.toString(lengthScales)
                    + ", noise=" + noise + "]";
        }
    }

    /** Joint posterior covariance of the underlying function at these points, in the targets' units. */
    double[][] posteriorCovariance(double[][] points) {
        int n = x.length;
        int m = points.length;
        double[][] v = new double[m][n];
        for (int p = 0; p < m; p++) {
            double[] k = new double[n];
            for (int i = 0; i < n; i++) {
                k[i] = kernel(x[i], points[p], hyperparameters);
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                double[] row = lInverse[i];
                for (int j = 0; j <= i; j++) {
                    s += row[j] * k[j];
                }
                v[p][i] = s;
            }
        }
        double[][] c = new double[m][m];
        double scale = yStd * yStd;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double s = kernel(points[a], points[b], hyperparameters);
                for (int i = 0; i < n; i++) {
                    s -= v[a][i] * v[b][i];
                }
                c[a][b] = scale * s;
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    /** Posterior mean and variance of the underlying function at a point, in the targets' units. */
    public record Prediction(double mean, double variance) {
        public double sd() {
            return Math.sqrt(variance);
        }
    }

    private final double[][] x;
    private final double[] normalised;
    private final double yMean;
    private final double yStd;
    private final Hyperparameters hyperparameters;
    private final double[] alpha;
    /** L⁻¹ for K = L Lᵀ: the variance is {@code amplitude − |L⁻¹ k|²}, half the work of {@code kᵀ K⁻¹ k}. */
    private final double[][] lInverse;
    private final double logMarginalLikelihood;

    private GaussianProcess(double[][] x, double[] normalised, double yMean, double yStd, Hyperparameters h) {
        this.x = x;
        this.normalised = normalised;
        this.yMean = yMean;
        this.yStd = yStd;
        this.hyperparameters = h;
        var cholesky = new CholeskyDecomposition(covariance(x, h));
        DecompositionSolver solver = cholesky.getSolver();
        this.alpha = solver.solve(new ArrayRealVector(normalised, false)).toArray();
        this.lInverse = new LUDecomposition(cholesky.getL()).getSolver().getInverse().getData();
        this.logMarginalLikelihood = logLikelihood(cholesky, normalised, alpha);
    }

    /**
     * Fits the hyperparameters to {@code (x, y)}: the best log marginal likelihood found from the initial values and
     * from {@code restarts} random starts drawn log-uniformly within the bounds (skopt uses 2).
     */
    public static GaussianProcess fit(double[][] x, double[] y, int restarts, Random random) {
        return fit(x, y, restarts, random, LENGTH_LOW, 0.0);
    }

    /**
     * As {@link #fit(double[][], double[], int, Random)} with a higher lower bound on the length scales and a floor
     * on the noise variance in the targets' own units (not the standardised ones).
     */
    static GaussianProcess fit(double[][] x, double[] y, int restarts, Random random, double lengthLow,
            double noiseFloor) {
        requireData(x, y);
        double[] normalised = standardise(y);
        int d = x[0].length;
        var likelihood = new LikelihoodSurface(x, normalised);
        double sd = std(y);
        double noiseLow = Math.min(NOISE_HIGH / 10, Math.max(NOISE_LOW, noiseFloor / (sd * sd)));
        double lengthBound = Math.max(LENGTH_LOW, lengthLow);
        double[] lower = logBounds(d, AMPLITUDE_LOW, lengthBound, noiseLow);
        double[] upper = logBounds(d, AMPLITUDE_HIGH, LENGTH_HIGH, NOISE_HIGH);
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int start = 0; start <= restarts; start++) {
            double[] theta0 = start == 0 ? Hyperparameters.initial(d).toLog() : uniform(lower, upper, random);
            for (int i = 0; i < theta0.length; i++) {
                theta0[i] = Math.max(lower[i], Math.min(upper[i], theta0[i]));
            }
            double[] theta = maximise(likelihood, theta0, lower, upper);
            double value = likelihood.value(theta);
            if (value > bestValue) {
                bestValue = value;
                best = theta;
            }
        }
        var h = Hyperparameters.fromLog(best);
        // exp(log(bound)) may land an ulp outside the bound
        double[] lengths = h.lengthScales();
        for (int i = 0; i < d; i++) {
            lengths[i] = clamp(lengths[i], lengthBound, LENGTH_HIGH);
        }
        h = new Hyperparameters(clamp(h.amplitude(), AMPLITUDE_LOW, AMPLITUDE_HIGH), lengths,
                clamp(h.noise(), noiseLow, NOISE_HIGH));
        return new GaussianProcess(copy(x), normalised, mean(y), std(y), h);
    }

    /** The posterior for fixed hyperparameters (no fitting). */
    public static GaussianProcess withHyperparameters(double[][] x, double[] y, Hyperparameters hyperparameters) {
        requireData(x, y);
        return new GaussianProcess(copy(x), standardise(y), mean(y), std(y), hyperparameters);
    }

    /**
     * The posterior after also observing {@code (extraX, extraY)}, with the same hyperparameters and target scaling:
     * how constant-liar lies enter the model without being mistaken for data the kernel should be fitted to.
     */
    public GaussianProcess conditionedOn(double[][] extraX, double[] extraY) {
        if (extraX.length == 0) {
            return this;
        }
        double[][] all = new double[x.length + extraX.length][];
        double[] targets = Arrays.copyOf(normalised, all.length);
        for (int i = 0; i < all.length; i++) {
            boolean old = i < x.length;
            all[i] = old ? x[i] : extraX[i - x.length].clone();
            if (!old) {
                targets[i] = (extraY[i - x.length] - yMean) / yStd;
            }
        }
        return new GaussianProcess(all, targets, yMean, yStd, hyperparameters);
    }

    public Prediction predict(double[] point) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kernel(x[i], point, hyperparameters);
        }
        double mean = 0;
        double explained = 0;
        for (int i = 0; i < n; i++) {
            mean += k[i] * alpha[i];
            double v = 0;
            double[] row = lInverse[i];
            for (int j = 0; j <= i; j++) {
                v += row[j] * k[j];
            }
            explained += v * v;
        }
        double variance = Math.max(0.0, hyperparameters.amplitude() - explained);
        return new Prediction(yMean + yStd * mean, yStd * yStd * variance);
    }

    /** Log marginal likelihood of the standardised targets under these hyperparameters. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** The fitted observation-noise variance in the targets' units (what a new rating adds to {@link #predict}). */
    public double noiseVariance() {
        return hyperparameters.noise() * yStd * yStd;
    }

    public int size() {
        return x.length;
    }

    static double matern52(double r) {
        double s = SQRT5 * r;
        return (1 + s + s * s / 3) * Math.exp(-s);
    }

    private static double kernel(double[] a, double[] b, Hyperparameters h) {
        double[] lengths = h.lengthScales;
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double t = (a[i] - b[i]) / lengths[i];
            r2 += t * t;
        }
        return h.amplitude() * matern52(Math.sqrt(r2));
    }

    private static RealMatrix covariance(double[][] x, Hyperparameters h) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            k[i][i] = h.amplitude() + h.noise() + JITTER;
            for (int j = 0; j < i; j++) {
                k[i][j] = kernel(x[i], x[j], h);
                k[j][i] = k[i][j];
            }
        }
        return new Array2DRowRealMatrix(k, false);
    }

    private static double logLikelihood(CholeskyDecomposition cholesky, double[] y, double[] alpha) {
        RealMatrix lt = cholesky.getLT();
        double value = -0.5 * y.length * LOG_2PI;
        for (int i = 0; i < y.length; i++) {
            value -= 0.5 * y[i] * alpha[i] + Math.log(lt.getEntry(i, i));
        }
        return value;
    }

    /** The log marginal likelihood as a function of log hyperparameters, with the pairwise differences computed once. */
    private static final class LikelihoodSurface {
        private final double[][][] squaredDifferences;
        private final double[] y;

        LikelihoodSurface(double[][] x, double[] y) {
            int n = x.length;
            int d = x[0].length;
            this.y = y;
            this.squaredDifferences = new double[d][n][n];
            for (int k = 0; k < d; k++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        double t = x[i][k] - x[j][k];
                        squaredDifferences[k][i][j] = t * t;
                    }
                }
            }
        }

        double value(double[] theta) {
            Hyperparameters h = Hyperparameters.fromLog(theta);
            int n = y.length;
            double[][] k = new double[n][n];
            double[] inverseSquares = new double[squaredDifferences.length];
            for (int d = 0; d < inverseSquares.length; d++) {
                inverseSquares[d] = 1.0 / (h.lengthScales[d] * h.lengthScales[d]);
            }
            for (int i = 0; i < n; i++) {
                k[i][i] = h.amplitude() + h.noise() + JITTER;
                for (int j = 0; j < i; j++) {
                    double r2 = 0;
                    for (int d = 0; d < inverseSquares.length; d++) {
                        r2 += squaredDifferences[d][i][j] * inverseSquares[d];
                    }
                    k[i][j] = h.amplitude() * matern52(Math.sqrt(r2));
                    k[j][i] = k[i][j];
                }
            }
            try {
                var cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(k, false));
                double[] alpha = cholesky.getSolver().solve(new ArrayRealVector(y, false)).toArray();
                return logLikelihood(cholesky, y, alpha);
            } catch (NonPositiveDefiniteMatrixException e) {
                return UNFIT;
            }
        }
    }

    private static double[] maximise(LikelihoodSurface likelihood, double[] start, double[] lower, double[] upper) {
        var best = new double[][] {start.clone()};
        var bestValue = new double[] {likelihood.value(start)};
        ObjectiveFunction objective = new ObjectiveFunction(theta -> {
            double value = likelihood.value(theta);
            if (value > bestValue[0]) {
                bestValue[0] = value;
                best[0] = theta.clone();
            }
            return value;
        });
        // a trust region of 1 in log space to start, 0.001 (0.1 % on each hyperparameter) to stop: finer moves the
        // likelihood by far less than the data do
        var optimizer = new BOBYQAOptimizer(2 * start.length + 1, 1.0, 1e-3);
        try {
            optimizer.optimize(new MaxEval(100 * start.length), objective, GoalType.MAXIMIZE, new InitialGuess(start),
                    new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException e) {
            // out of evaluations, or BOBYQA's model degenerate on a flat likelihood: keep the best point seen
        }
        double[] theta = best[0];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.max(lower[i], Math.min(upper[i], theta[i]));
        }
        return theta;
    }

    private static void requireData(double[][] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a Gaussian process needs as many targets as points, and at least one");
        }
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    private static double[] logBounds(int d, double amplitude, double length, double noise) {
        double[] theta = new double[d + 2];
        Arrays.fill(theta, Math.log(length));
        theta[0] = Math.log(amplitude);
        theta[d + 1] = Math.log(noise);
        return theta;
    }

    private static double[] uniform(double[] lower, double[] upper, Random random) {
        double[] theta = new double[lower.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = lower[i] + random.nextDouble() * (upper[i] - lower[i]);
        }
        return theta;
    }

    private static double[] standardise(double[] y) {
        double m = mean(y);
        double s = std(y);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - m) / s;
        }
        return out;
    }

    private static double mean(double[] y) {
        return Arrays.stream(y).average().orElse(0);
    }

    /** Population standard deviation, 1 when the targets are all equal (sklearn's {@code _handle_zeros_in_scale}). */
    private static double std(double[] y) {
        double m = mean(y);
        double s = Math.sqrt(Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / y.length);
        return s < 10 * Math.ulp(1.0) ? 1.0 : s;
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }
}
