package io.shotcraft.learning.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Finds the point of the space with the largest Expected Improvement the way skopt's {@code acq_optimizer="lbfgs"}
 * does: EI on many random points, then a bounded local search from the best few, keeping the best result. The local
 * search is BOBYQA (Commons Math) over the integer and continuous columns only, the categoricals held at the start's
 * value; skopt relaxes one-hot columns too and rounds afterwards, which can land on a point whose real EI is far
 * lower. Every result is snapped to a valid point and re-scored, so what is returned is what will be tried.
 *
 * <p>Points closer than {@link #SAME} in every encoded coordinate (0.1 % of each range) to an excluded point, a
 * pending trial or an earlier suggestion of the same batch, count as the same trial and are never returned.
 */
final class AcquisitionSearch {

    static final double SAME = 1e-3;
    private static final int LOCAL_EVALUATIONS = 200;

    private final ParameterSpace space;
    private final double[][] candidates;
    private final int localSearches;
    private final int[] freeColumns;

    AcquisitionSearch(ParameterSpace space, double[][] candidates, int localSearches) {
        this.space = space;
        this.candidates = candidates;
        this.localSearches = localSearches;
        this.freeColumns = freeColumns(space);
    }

    /** The encoded point, not excluded, with the largest EI found under {@code model}. */
    double[] argmax(GaussianProcess model, double best, double xi, List<double[]> excluded) {
        double[] ei = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            ei[i] = ExpectedImprovement.of(model.predict(candidates[i]), best, xi);
        }
        Integer[] order = IntStream.range(0, candidates.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -ei[i]));
        var starts = new ArrayList<double[]>();
        for (int i : order) {
            if (!taken(candidates[i], excluded)) {
                starts.add(candidates[i]);
                if (starts.size() == localSearches) {
                    break;
                }
            }
        }
        if (starts.isEmpty()) {
            throw new IllegalStateException("no point of the space is left that is not already pending or suggested");
        }
        double[] chosen = starts.get(0);
        double chosenEi = ExpectedImprovement.of(model.predict(chosen), best, xi);
        if (freeColumns.length < 2) {
            // BOBYQA needs two variables; on one, the random points are already dense
            return chosen;
        }
        for (double[] start : starts) {
            double[] refined = space.snap(refine(model, best, xi, start));
            double value = ExpectedImprovement.of(model.predict(refined), best, xi);
            if (value > chosenEi && !taken(refined, excluded)) {
                chosen = refined;
                chosenEi = value;
            }
        }
        return chosen;
    }

    static boolean taken(double[] point, List<double[]> excluded) {
        for (double[] other : excluded) {
            if (same(point, other)) {
                return true;
            }
        }
        return false;
    }

    static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) >= SAME) {
                return false;
            }
        }
        return true;
    }

    private double[] refine(GaussianProcess model, double best, double xi, double[] start) {
        int m = freeColumns.length;
        double[] x0 = new double[m];
        for (int i = 0; i < m; i++) {
            x0[i] = start[freeColumns[i]];
        }
        double[] point = start.clone();
        double[] bestPoint = start.clone();
        double[] bestValue = {ExpectedImprovement.of(model.predict(start), best, xi)};
        ObjectiveFunction objective = new ObjectiveFunction(free -> {
            for (int i = 0; i < m; i++) {
                point[freeColumns[i]] = free[i];
            }
            double value = ExpectedImprovement.of(model.predict(point), best, xi);
            if (value > bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(point, 0, bestPoint, 0, point.length);
            }
            return value;
        });
        double[] lower = new double[m];
        double[] upper = new double[m];
        Arrays.fill(upper, 1.0);
        try {
            new BOBYQAOptimizer(2 * m + 1, 0.1, 1e-6).optimize(new MaxEval(LOCAL_EVALUATIONS), objective,
                    GoalType.MAXIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException e) {
            // a bounded number of steps (skopt: maxiter=20), or a degenerate model on flat EI: the best point seen is kept
        }
        return bestPoint;
    }

    private static int[] freeColumns(ParameterSpace space) {
        var columns = new ArrayList<Integer>();
        int offset = 0;
        for (Dimension d : space.dimensions()) {
            if (!(d instanceof Dimension.Categorical)) {
                columns.add(offset);
            }
            offset += d.width();
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }
}
