package io.shotcraft.learning.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The design's Phase 1: Bayesian optimisation of the parameters against ratings, as scikit-optimize's
 * {@code Optimizer(base_estimator="GP", acq_func="EI")} with the design's 5 initial points and {@code ask(n_points,
 * strategy="cl_min")}. It keeps no state: each call rebuilds the model from the stored observations, so a restart or a
 * second instance loses nothing, and the same inputs and seed give the same answer.
 *
 * <p>Suggestions: until {@link Settings#initialPoints} ratings exist, the points of a seeded space-filling design
 * ({@link InitialDesign}); then a Gaussian process fitted to the ratings ({@link GaussianProcess}) and, per suggestion,
 * the point of largest Expected Improvement ({@link AcquisitionSearch}). On whole-number ratings (stars) the fit keeps
 * a floor of half a star on the noise and of 0.2 of each range on the length scales, and a batch's second suggestion
 * is a Thompson draw from the posterior instead of EI. Pending trials (suggested, not yet rated) and the batch's earlier
 * suggestions enter the model as constant lies, the best value so far ({@code cl_min}), so two raters working at once
 * are sent to different places. The lies only condition the model; its hyperparameters are
 * fitted to the real ratings alone (skopt refits them with the lies, which lets invented data shorten length scales).
 *
 * <p>Not thread-confined and safe to share: it has no mutable state.
 */
public final class BayesianOptimizer {

    /**
     * @param initialPoints trials from the space-filling design before the model is used (the design's 5)
     * @param maxSamples ratings after which Phase 1 stops (50)
     * @param targetValue a rating at or above which Phase 1 stops (4.0)
     * @param xi Expected Improvement's exploration margin, in rating units (0.01)
     * @param gpRestarts random restarts of the hyperparameter search after the default start (skopt: 2)
     * @param candidates random points EI is computed on before the local search (skopt: 10,000)
     * @param localSearches local searches from the best of them (skopt: 5)
     */
    public record Settings(int initialPoints, int maxSamples, double targetValue, double xi, int gpRestarts,
            int candidates, int localSearches) {

        public static final Settings DESIGN = new Settings(5, 50, 4.0, ExpectedImprovement.DEFAULT_XI, 2, 10_000, 5);

        public Settings {
            if (initialPoints < 1 || maxSamples < 1 || gpRestarts < 0 || candidates < 1 || localSearches < 0
                    || !(xi >= 0) || !Double.isFinite(targetValue)) {
                throw new IllegalArgumentException("invalid optimiser settings");
            }
        }
    }

    /** Status: points on which the chance of reaching the target is estimated. */
    private static final int STATUS_CANDIDATES = 2_000;

    private final Settings settings;

    public BayesianOptimizer() {
        this(Settings.DESIGN);
    }

    public BayesianOptimizer(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The next {@code count} points to try (the design asks for 2 per trial), distinct from each other and from the
     * pending ones.
     *
     * @param observations every rated trial of the session (maximised)
     * @param pending points suggested earlier and not rated yet (they will not be suggested again)
     * @param seed the session's seed: it fixes the initial design, so keep it for the session; the other random choices
     *        are drawn from it and the numbers of observations and pending points
     * @throws IllegalArgumentException if an observation or pending point does not fit the space (the message names the
     *         dimension)
     */
    public List<Map<String, Object>> suggest(ParameterSpace space, List<Observation> observations,
            List<Map<String, Object>> pending, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        double[][] x = encode(space, observations);
        var taken = new ArrayList<double[]>();
        for (int i = 0; i < pending.size(); i++) {
            taken.add(encode(space, pending.get(i), "pending point " + i));
        }
        var random = new Random(mix(seed, observations.size(), pending.size()));
        List<double[]> chosen = observations.size() < settings.initialPoints()
                ? fromDesign(space, observations.size() + pending.size(), count, seed, taken, random)
                : fromModel(space, x, negatedValues(observations), count, taken, random);
        return chosen.stream().map(space::decode).toList();
    }

    /**
     * Where the session stands against the design's stopping criteria (checked in the order manual, target, maximum).
     * While it goes on, {@code estimatedTrialsRemaining} is the ratings left to the maximum, or {@code ⌈1/p⌉} if
     * smaller, where p is the model's largest probability, over the rated points and random ones, that one rating
     * there reaches the target (posterior plus rating noise): optimistic, as it assumes the best point is tried every
     * time.
     */
    public OptimizerStatus status(ParameterSpace space, List<Observation> observations, boolean manualStop,
            long seed) {
        double[][] x = encode(space, observations);
        int samples = observations.size();
        int bestIndex = -1;
        for (int i = 0; i < samples; i++) {
            if (bestIndex < 0 || observations.get(i).value() > observations.get(bestIndex).value()) {
                bestIndex = i;
            }
        }
        Double bestValue = bestIndex < 0 ? null : observations.get(bestIndex).value();
        Map<String, Object> bestPoint = bestIndex < 0 ? null : space.decode(x[bestIndex]);
        OptimizerStatus.StopReason reason = manualStop ? OptimizerStatus.StopReason.MANUAL
                : bestValue != null && bestValue >= settings.targetValue() ? OptimizerStatus.StopReason.TARGET_REACHED
                : samples >= settings.maxSamples() ? OptimizerStatus.StopReason.MAX_SAMPLES
                : null;
        if (samples < settings.initialPoints()) {
            int remaining = reason != null ? 0 : settings.maxSamples() - samples;
            return new OptimizerStatus(samples, bestValue, bestPoint, bestPoint, reason,
                    convergence(samples, remaining, reason), remaining);
        }
        var random = new Random(mix(seed, samples, -1));
        double[] y = negatedValues(observations);
        var model = fitModel(x, y, random);
        int recommended = 0;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i < samples; i++) {
            double mean = model.predict(x[i]).mean();
            if (mean < bestMean) {
                bestMean = mean;
                recommended = i;
            }
        }
        int remaining = reason != null ? 0 : estimateRemaining(space, model, x, samples, random);
        return new OptimizerStatus(samples, bestValue, bestPoint, space.decode(x[recommended]), reason,
                convergence(samples, remaining, reason), remaining);
    }

    private List<double[]> fromDesign(ParameterSpace space, int first, int count, long seed, List<double[]> taken,
            Random random) {
        double[][] design = InitialDesign.points(space, settings.initialPoints(), seed);
        var chosen = new ArrayList<double[]>();
        for (int j = 0; j < count; j++) {
            int index = first + j;
            double[] point = index < design.length ? design[index] : space.sampleEncoded(random);
            for (int attempt = 0; AcquisitionSearch.taken(point, taken); attempt++) {
                if (attempt == 1_000) {
                    throw new IllegalStateException("no point of the space is left that is not already pending");
                }
                point = space.sampleEncoded(random);
            }
            chosen.add(point);
            taken.add(point);
        }
        return chosen;
    }

    /**
     * Whole-number ratings (stars) carry rating noise the maximum-likelihood fit would otherwise explain away: on ≤ 30
     * of them it settles on length scales of 0.01 and noise at its 1e-5 floor, a model that interpolates the noise.
     * So for them the noise variance is at least (half a star)² in the ratings' own units, and the length scales at
     * least 0.2 of each range (docs/benchmarks.md, the rater rows).
     */
    static final double RATING_NOISE_SD = 0.5;
    static final double RATING_LENGTH_LOW = 0.2;
    /** Random points (besides the rated ones) the Thompson draw is taken on: a joint draw, so its cost is cubic in them. */
    static final int THOMPSON_CANDIDATES = 500;

    private static boolean wholeNumbers(double[] y) {
        return Arrays.stream(y).allMatch(v -> v == Math.rint(v));
    }

    private GaussianProcess fitModel(double[][] x, double[] y, Random random) {
        return wholeNumbers(y)
                ? GaussianProcess.fit(x, y, settings.gpRestarts(), random, RATING_LENGTH_LOW,
                        RATING_NOISE_SD * RATING_NOISE_SD)
                : GaussianProcess.fit(x, y, settings.gpRestarts(), random);
    }

    private List<double[]> fromModel(ParameterSpace space, double[][] x, double[] y, int count, List<double[]> taken,
            Random random) {
        var model = fitModel(x, y, random);
        double lie = Arrays.stream(y).min().orElseThrow();
        double[][] points = candidates(space, settings.candidates(), random);
        var search = new AcquisitionSearch(space, points, settings.localSearches());
        var chosen = new ArrayList<double[]>();
        for (int j = 0; j < count; j++) {
            double[] next;
            if (j == 1 && wholeNumbers(y)) {
                next = thompson(model, x, Arrays.copyOf(points, Math.min(points.length, THOMPSON_CANDIDATES)), taken,
                        random);
            } else {
                double[][] liars = taken.toArray(double[][]::new);
                double[] lies = new double[liars.length];
                Arrays.fill(lies, lie);
                next = search.argmax(model.conditionedOn(liars, lies), lie, settings.xi(), taken);
            }
            chosen.add(next);
            taken.add(next);
        }
        return chosen;
    }

    /**
     * Thompson sampling: one joint draw of the function from the posterior at the rated points and {@code candidates},
     * and the draw's best point not taken. The batch's second suggestion, instead of EI with a lie: it follows the
     * model's uncertainty rather than EI's incumbent, which on star ratings is a lucky rating (on whole-number ratings
     * only: elsewhere EI with lies, as skopt).
     */
    private static double[] thompson(GaussianProcess model, double[][] x, double[][] candidates, List<double[]> taken,
            Random random) {
        double[][] points = new double[x.length + candidates.length][];
        System.arraycopy(x, 0, points, 0, x.length);
        System.arraycopy(candidates, 0, points, x.length, candidates.length);
        int m = points.length;
        double[][] c = model.posteriorCovariance(points);
        // Cholesky by hand, with jitter and a clamped diagonal: the posterior covariance is only semi-definite
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                double[] li = l[i];
                double[] lj = l[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    li[i] = Math.sqrt(Math.max(s + 1e-9, 0.0));
                } else {
                    li[j] = lj[j] > 1e-12 ? s / lj[j] : 0.0;
                }
            }
        }
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            z[i] = random.nextGaussian();
        }
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double v = model.predict(points[i]).mean();
            for (int k = 0; k <= i; k++) {
                v += l[i][k] * z[k];
            }
            if (v < bestValue && !AcquisitionSearch.taken(points[i], taken)) {
                bestValue = v;
                best = points[i];
            }
        }
        if (best == null) {
            throw new IllegalStateException("no point of the space is left that is not already pending or suggested");
        }
        return best.clone();
    }

    private int estimateRemaining(ParameterSpace space, GaussianProcess model, double[][] x, int samples,
            Random random) {
        int left = settings.maxSamples() - samples;
        double noise = model.noiseVariance();
        double chance = 0;
        double[][] points = candidates(space, STATUS_CANDIDATES, random);
        for (double[][] set : new double[][][] {x, points}) {
            for (double[] point : set) {
                var prediction = model.predict(point);
                // the model is of negated ratings: P(rating ≥ target) = P(−rating ≤ −target)
                double z = (-settings.targetValue() - prediction.mean()) / Math.sqrt(prediction.variance() + noise);
                chance = Math.max(chance, ExpectedImprovement.cdf(z));
            }
        }
        return chance * left > 1 ? (int) Math.ceil(1 / chance) : left;
    }

    private static double convergence(int samples, int remaining, OptimizerStatus.StopReason reason) {
        if (reason != null) {
            return 1.0;
        }
        return samples + remaining == 0 ? 0.0 : samples / (double) (samples + remaining);
    }

    private static double[][] candidates(ParameterSpace space, int n, Random random) {
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = space.sampleEncoded(random);
        }
        return points;
    }

    private static double[][] encode(ParameterSpace space, List<Observation> observations) {
        double[][] x = new double[observations.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = encode(space, observations.get(i).point(), "observation " + i);
        }
        return x;
    }

    private static double[] encode(ParameterSpace space, Map<String, Object> point, String which) {
        try {
            return space.encode(point);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
    }

    private static double[] negatedValues(List<Observation> observations) {
        return observations.stream().mapToDouble(o -> -o.value()).toArray();
    }

    private static long mix(long seed, int observations, int pending) {
        long h = seed * 0x9E3779B97F4A7C15L + observations * 0xBF58476D1CE4E5B9L + pending;
        h ^= h >>> 31;
        return h * 0x94D049BB133111EBL;
    }
}
