package io.shotcraft.learning.reward;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Ridge regression on standardised inputs with an unpenalised intercept, read as Bayesian linear regression (prior
 * {@code w ~ N(0, σ²/λ · I)}) so that it also gives a predictive variance.
 *
 * <p>One singular value decomposition {@code Z = U·diag(s)·Vᵀ} (Commons Math; {@code e = s²} are the eigenvalues of
 * {@code ZᵀZ}, without squaring Z's condition number) serves every λ: the weights are {@code V·diag(1/(e+λ))·Vᵀ·Zᵀy},
 * and the leave-one-out error has the closed form
 * {@code Σ ((yᵢ − ŷᵢ) / (1 − hᵢᵢ))²} with {@code hᵢᵢ = 1/n + Σⱼ (ZV)ᵢⱼ² / (eⱼ + λ)}. λ is the grid value with the least
 * leave-one-out error, computed on the training rows only (so inside {@link RewardModel#evaluate} it is a nested CV);
 * below {@link #MIN_SELECT} rows it is {@link #DEFAULT_LAMBDA}.
 *
 * <p>Noise: {@code σ² = (RSS + 1) / (n − df + 1)}, {@code df = 1 + Σ e/(e+λ)} the effective parameter count, with a
 * weak prior worth one rating of variance 1 so that one or two samples do not claim zero noise. Predictive variance of
 * a new rating: {@code σ² (1 + 1/n + zᵀ(ZᵀZ + λI)⁻¹z)}, which grows with the distance from the training inputs. With
 * fewer rows than inputs V has only n columns; the directions it misses have eigenvalue 0 and contribute
 * {@code (|z|² − |Vᵀz|²) / λ}.
 */
final class BayesianRidge {

    static final double DEFAULT_LAMBDA = 10;
    static final int MIN_SELECT = 5;
    /** λ from 0.1 to 10⁵ in half decades: from almost no shrinkage to "predict the mean" at a few hundred rows. */
    static final double[] LAMBDAS = grid(-1, 5);

    private final int[] columns;
    private final double intercept;
    private final double[] weights;
    private final RealMatrix basis;
    private final double[] eigenvalues;
    private final double lambda;
    private final double noiseVariance;
    private final int n;

    private BayesianRidge(int[] columns, double intercept, double[] weights, RealMatrix basis, double[] eigenvalues,
            double lambda, double noiseVariance, int n) {
        this.columns = columns;
        this.intercept = intercept;
        this.weights = weights;
        this.basis = basis;
        this.eigenvalues = eigenvalues;
        this.lambda = lambda;
        this.noiseVariance = noiseVariance;
        this.n = n;
    }

    /**
     * Fits standardised rows {@code z} (n × d, columns centred) to targets {@code y}. Only {@code columns} vary in
     * training; the others are 0 in every row, so they are left out of the decomposition (saving most of its time when
     * few hashed terms occur) and only add to the predictive variance of a row where they are not 0.
     */
    static BayesianRidge fit(double[][] z, double[] y, int[] columns) {
        int n = y.length;
        double mean = average(y);
        var centred = new ArrayRealVector(y).mapSubtract(mean);
        if (columns.length == 0) {
            double rss = centred.dotProduct(centred);
            return new BayesianRidge(columns, mean, new double[0], null, new double[0], DEFAULT_LAMBDA,
                    noiseVariance(rss, n, 1), n);
        }
        double[][] varying = new double[n][];
        for (int i = 0; i < n; i++) {
            varying[i] = gather(z[i], columns);
        }
        var svd = new SingularValueDecomposition(new Array2DRowRealMatrix(varying, false));
        RealMatrix v = svd.getV();
        double[] s = svd.getSingularValues();
        double[] e = new double[s.length];
        for (int j = 0; j < e.length; j++) {
            e[j] = s[j] * s[j];
        }
        // Z·V = U·diag(s): the rows in the eigenbasis without another product
        RealMatrix projected = svd.getU().multiply(MatrixUtils.createRealDiagonalMatrix(s));
        double[] c = projected.preMultiply(centred).toArray();
        double lambda = n < MIN_SELECT ? DEFAULT_LAMBDA : leastLeaveOneOutError(projected, e, c, centred.toArray());
        double[] alpha = shrunk(c, e, lambda);
        double rss = rss(projected, alpha, centred.toArray());
        double df = 1;
        for (double ej : e) {
            df += ej / (ej + lambda);
        }
        return new BayesianRidge(columns, mean, v.operate(alpha), v, e, lambda, noiseVariance(rss, n, df), n);
    }

    double predictMean(double[] z) {
        double sum = intercept;
        for (int j = 0; j < columns.length; j++) {
            sum += weights[j] * z[columns[j]];
        }
        return sum;
    }

    double stddev(double[] z) {
        double[] u = basis == null ? new double[0] : basis.preMultiply(gather(z, columns));
        double outside = 0;
        for (double zj : z) {
            outside += zj * zj;
        }
        double leverage = 1.0 / n;
        for (int j = 0; j < u.length; j++) {
            leverage += u[j] * u[j] / (eigenvalues[j] + lambda);
            outside -= u[j] * u[j];
        }
        leverage += Math.max(0, outside) / lambda;
        return Math.sqrt(noiseVariance * (1 + leverage));
    }

    double lambda() {
        return lambda;
    }

    private static double leastLeaveOneOutError(RealMatrix projected, double[] e, double[] c, double[] y) {
        double best = Double.POSITIVE_INFINITY;
        double chosen = DEFAULT_LAMBDA;
        for (double lambda : LAMBDAS) {
            double error = leaveOneOutError(projected, e, shrunk(c, e, lambda), y, lambda);
            if (error < best) {
                best = error;
                chosen = lambda;
            }
        }
        return chosen;
    }

    private static double leaveOneOutError(RealMatrix projected, double[] e, double[] alpha, double[] y, double lambda) {
        int n = y.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] p = projected.getRow(i);
            double fitted = 0;
            double leverage = 1.0 / n;
            for (int j = 0; j < p.length; j++) {
                fitted += p[j] * alpha[j];
                leverage += p[j] * p[j] / (e[j] + lambda);
            }
            double residual = (y[i] - fitted) / Math.max(1 - leverage, 1e-9);
            sum += residual * residual;
        }
        return sum;
    }

    private static double[] shrunk(double[] c, double[] e, double lambda) {
        double[] alpha = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            alpha[j] = c[j] / (e[j] + lambda);
        }
        return alpha;
    }

    private static double rss(RealMatrix projected, double[] alpha, double[] y) {
        RealVector residuals = new ArrayRealVector(y).subtract(projected.operate(new ArrayRealVector(alpha, false)));
        return residuals.dotProduct(residuals);
    }

    /** The residual variance with a weak prior worth one rating of variance 1. */
    private static double noiseVariance(double rss, int n, double df) {
        return (rss + 1) / (Math.max(0, n - df) + 1);
    }

    private static double[] gather(double[] row, int[] columns) {
        double[] out = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            out[j] = row[columns[j]];
        }
        return out;
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] grid(int fromExponent, int toExponent) {
        int steps = 2 * (toExponent - fromExponent);
        double[] grid = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            grid[i] = Math.pow(10, fromExponent + i / 2.0);
        }
        return grid;
    }
}
