package io.shotcraft.learning.reward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * The design's Phase 2 reward model: predicts the rating (1–5) a person would give a render from its image features,
 * its parameter point and its prompt's terms ({@link RewardInputs}).
 *
 * <p>The design asks for a neural network on CLIP and classical features; with the few hundred ratings a person gives,
 * a linear model with a well-chosen penalty is what the data can support, trains in milliseconds and gives an honest
 * uncertainty. So: ridge regression on standardised inputs, λ by leave-one-out error, read as Bayesian linear regression
 * for the predictive standard deviation ({@link BayesianRidge}). Predictions are clamped to [1, 5]; immutable.
 *
 * <p><b>Ready for inference</b> (pre-filtering candidates, choosing uncertain ones to show) only when the model
 * <em>clearly</em> beats predicting the mean, by 5-fold cross-validation ({@link #evaluate}), on enough data:
 * <ul>
 * <li>at least {@link #MIN_READY_SAMPLES} samples (the design's "reliable after 200+");</li>
 * <li>cross-validated RMSE at least {@link #MIN_RMSE_GAIN} (10 %) below the mean's, so chance wins on noisy ratings
 * do not count — on ratings that are pure noise the model's RMSE is at best the mean's; and</li>
 * <li>a higher fraction of ratings predicted within ±0.5 than the mean's (the design's accuracy target), so an RMSE
 * gain on a few outliers alone does not count.</li>
 * </ul>
 */
public final class RewardModel {

    public static final int MIN_READY_SAMPLES = 200;
    public static final double MIN_RMSE_GAIN = 0.10;
    /** Folds of the cross-validation; under this many samples no accuracy is reported. */
    public static final int FOLDS = 5;
    /** A prediction within this many points of the rating counts as accurate. */
    public static final double TOLERANCE = 0.5;

    private final RewardInputs inputs;
    private final Standardiser standardiser;
    private final BayesianRidge ridge;
    private final int trainingSamples;

    private RewardModel(RewardInputs inputs, Standardiser standardiser, BayesianRidge ridge, int trainingSamples) {
        this.inputs = inputs;
        this.standardiser = standardiser;
        this.ridge = ridge;
        this.trainingSamples = trainingSamples;
    }

    /**
     * Fits the model to at least one sample. The samples' image features must all have one length (or be null).
     *
     * @throws IllegalArgumentException for no samples, mixed feature lengths or a point that does not fit the space
     */
    public static RewardModel fit(ParameterSpace space, List<RewardSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("the reward model needs at least one rating");
        }
        var inputs = new RewardInputs(space, imageFeatureCount(samples));
        double[][] rows = samples.stream().map(s -> inputs.row(s.imageFeatures(), s.parameters(), s.prompt()))
                .toArray(double[][]::new);
        var standardiser = Standardiser.of(rows);
        double[][] z = new double[rows.length][];
        Arrays.setAll(z, i -> standardiser.apply(rows[i]));
        double[] ratings = samples.stream().mapToDouble(RewardSample::rating).toArray();
        return new RewardModel(inputs, standardiser, BayesianRidge.fit(z, ratings, standardiser.varying()), samples.size());
    }

    /** The predicted rating in [1, 5] and its standard deviation; {@code imageFeatures} may be null. */
    public RewardPrediction predict(double[] imageFeatures, Map<String, Object> parameters, String prompt) {
        double[] z = standardiser.apply(inputs.row(imageFeatures, parameters, prompt));
        return new RewardPrediction(Math.clamp(ridge.predictMean(z), 1.0, 5.0), ridge.stddev(z));
    }

    public int trainingSamples() {
        return trainingSamples;
    }

    /** The ridge penalty chosen, in units of standardised inputs. */
    public double lambda() {
        return ridge.lambda();
    }

    /**
     * The model against predicting the mean, by {@link #FOLDS}-fold cross-validation with folds drawn from {@code seed}
     * (the same samples and seed give the same status). Under {@link #FOLDS} samples, every measure is null.
     */
    public static RewardStatus evaluate(ParameterSpace space, List<RewardSample> samples, long seed) {
        int n = samples.size();
        if (n < FOLDS) {
            return new RewardStatus(n, null, null, null, null, false);
        }
        double[] model = new double[n];
        double[] baseline = new double[n];
        int[] fold = folds(n, seed);
        for (int f = 0; f < FOLDS; f++) {
            predictFold(space, samples, fold, f, model, baseline);
        }
        double[] actual = samples.stream().mapToDouble(RewardSample::rating).toArray();
        double modelRmse = rmse(model, actual);
        double baselineRmse = rmse(baseline, actual);
        double modelAccuracy = accuracy(model, actual);
        double baselineAccuracy = accuracy(baseline, actual);
        boolean ready = n >= MIN_READY_SAMPLES && modelRmse <= (1 - MIN_RMSE_GAIN) * baselineRmse
                && modelAccuracy > baselineAccuracy;
        return new RewardStatus(n, modelAccuracy, baselineAccuracy, modelRmse, baselineRmse, ready);
    }

    private static int imageFeatureCount(List<RewardSample> samples) {
        var lengths = samples.stream().map(RewardSample::imageFeatures).filter(Objects::nonNull).mapToInt(f -> f.length)
                .distinct().toArray();
        if (lengths.length > 1) {
            throw new IllegalArgumentException("the samples' image features have different lengths " + Arrays.toString(lengths));
        }
        return lengths.length == 0 ? 0 : lengths[0];
    }

    /** Fold of each sample: a seeded shuffle dealt round-robin, so fold sizes differ by at most one. */
    private static int[] folds(int n, long seed) {
        var order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int position = 0; position < n; position++) {
            fold[order.get(position)] = position % FOLDS;
        }
        return fold;
    }

    private static void predictFold(ParameterSpace space, List<RewardSample> samples, int[] fold, int f, double[] model,
            double[] baseline) {
        var training = new ArrayList<RewardSample>();
        for (int i = 0; i < samples.size(); i++) {
            if (fold[i] != f) {
                training.add(samples.get(i));
            }
        }
        var fitted = fit(space, training);
        double mean = training.stream().mapToDouble(RewardSample::rating).average().orElseThrow();
        for (int i = 0; i < samples.size(); i++) {
            if (fold[i] == f) {
                var s = samples.get(i);
                model[i] = fitted.predict(s.imageFeatures(), s.parameters(), s.prompt()).rating();
                baseline[i] = mean;
            }
        }
    }

    private static double rmse(double[] predicted, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
        }
        return Math.sqrt(sum / actual.length);
    }

    private static double accuracy(double[] predicted, double[] actual) {
        int within = 0;
        for (int i = 0; i < actual.length; i++) {
            // the small slack keeps a prediction of exactly ±0.5 accurate despite rounding in the mean
            within += Math.abs(predicted[i] - actual[i]) <= TOLERANCE + 1e-9 ? 1 : 0;
        }
        return (double) within / actual.length;
    }
}
