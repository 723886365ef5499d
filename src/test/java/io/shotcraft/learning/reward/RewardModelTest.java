package io.shotcraft.learning.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.shotcraft.learning.optimize.ParameterSpace;

class RewardModelTest {

    private static final ParameterSpace SPACE = ParameterSpace.preset();
    private static final List<String> TERMS = List.of("portrait", "golden hour", "city street", "close-up", "film grain",
            "soft light", "wide shot", "rain");
    /** The hidden rating: linear in init_strength over its range, 1.5 to 4.5, plus noise. */
    private static final ToDoubleFunction<Map<String, Object>> LINEAR = p -> 1.5 + 3 * ((double) p.get("init_strength") - 0.1) / 0.4;

    @Test
    void aRatingLinearInOneParameterIsLearnedAndTheModelIsReadyAt250Samples() {
        var samples = samples(250, 0.3, LINEAR, new Random(1));

        var status = RewardModel.evaluate(SPACE, samples, 42);

        assertThat(status.trainingSamples()).isEqualTo(250);
        assertThat(status.modelRmse()).isLessThan(0.6 * status.baselineRmse());
        assertThat(status.modelAccuracy()).isGreaterThan(status.baselineAccuracy() + 0.2);
        assertThat(status.readyForInference()).isTrue();
    }

    @Test
    void pureNoiseRatingsAreNeverReady() {
        var random = new Random(2);
        var samples = samples(250, 0, p -> 1 + random.nextInt(5), new Random(3));

        var status = RewardModel.evaluate(SPACE, samples, 42);

        assertThat(status.modelRmse()).isGreaterThan(0.9 * status.baselineRmse());
        assertThat(status.readyForInference()).isFalse();
    }

    @Test
    void underTwoHundredSamplesTheModelIsNeverReadyEvenWhenItBeatsTheMean() {
        var status = RewardModel.evaluate(SPACE, samples(150, 0.3, LINEAR, new Random(4)), 42);

        assertThat(status.modelRmse()).isLessThan(0.6 * status.baselineRmse());
        assertThat(status.readyForInference()).isFalse();
    }

    @Test
    void underFiveSamplesThereIsNoAccuracy() {
        var status = RewardModel.evaluate(SPACE, samples(4, 0.3, LINEAR, new Random(5)), 42);

        assertThat(status).isEqualTo(new RewardStatus(4, null, null, null, null, false));
    }

    @Test
    void evaluateIsDeterministicForASeed() {
        var samples = samples(60, 0.5, LINEAR, new Random(6));

        assertThat(RewardModel.evaluate(SPACE, samples, 7)).isEqualTo(RewardModel.evaluate(SPACE, samples, 7));
    }

    @Test
    void predictionsStayWithinOneToFive() {
        var model = RewardModel.fit(SPACE, samples(100, 0.3, LINEAR, new Random(8)));
        double[] extreme = new double[ImageFeatures.names().size()];
        java.util.Arrays.fill(extreme, 1e3);

        for (double strength : new double[] { 0.1, 0.5 }) {
            for (double[] features : new double[][] { null, extreme, negate(extreme) }) {
                var prediction = model.predict(features, point("leonardo", strength), "portrait");
                assertThat(prediction.rating()).isBetween(1.0, 5.0);
                assertThat(prediction.stddev()).isPositive().isFinite();
            }
        }
    }

    @Test
    void theModelFollowsTheParameterAndItsUncertaintyGrowsAwayFromTheData() {
        var random = new Random(9);
        var samples = new ArrayList<RewardSample>();
        for (int i = 0; i < 80; i++) {
            double strength = 0.1 + 0.1 * random.nextDouble();
            samples.add(new RewardSample(null, point("leonardo", strength), "portrait",
                    Math.clamp(LINEAR.applyAsDouble(point("leonardo", strength)) + 0.2 * random.nextGaussian(), 1, 5)));
        }
        var model = RewardModel.fit(SPACE, samples);

        var near = model.predict(null, point("leonardo", 0.15), "portrait");
        var far = model.predict(null, point("leonardo", 0.5), "portrait");
        var otherApi = model.predict(null, point("stablediffusion", 0.15), "portrait");

        assertThat(far.rating()).isGreaterThan(near.rating());
        assertThat(far.stddev()).isGreaterThan(1.5 * near.stddev());
        assertThat(otherApi.stddev()).isGreaterThan(1.5 * near.stddev());
    }

    @Test
    void thePreFilterShowsTheBestCandidatesAndActiveLearningTheOneFarthestFromTheRatings() {
        var model = RewardModel.fit(SPACE, samples(120, 0.3, LINEAR, new Random(12)).stream()
                .filter(s -> "leonardo".equals(s.parameters().get("api"))).toList());
        var candidates = List.of(point("leonardo", 0.12), point("leonardo", 0.45), point("stablediffusion", 0.3),
                point("leonardo", 0.3));
        var predictions = candidates.stream().map(p -> model.predict(null, p, "portrait")).toList();

        assertThat(CandidateSelection.best(predictions, 2)).startsWith(1);
        assertThat(CandidateSelection.mostUncertain(predictions, 1)).containsExactly(2);
    }

    @Test
    void promptTermsAreLearned() {
        var random = new Random(10);
        var samples = new ArrayList<RewardSample>();
        for (int i = 0; i < 120; i++) {
            boolean grain = random.nextBoolean();
            String prompt = TERMS.get(random.nextInt(TERMS.size())) + (grain ? ", Film Grains" : "");
            samples.add(new RewardSample(null, randomPoint(random), prompt, grain ? 4 : 2));
        }
        var model = RewardModel.fit(SPACE, samples);
        var point = point("leonardo", 0.3);

        assertThat(model.predict(null, point, "portrait, film grain").rating()).isGreaterThan(3.5);
        assertThat(model.predict(null, point, "portrait").rating()).isLessThan(2.5);
    }

    @Test
    void samplesWithoutImageFeaturesTrainAModelThatIgnoresFeaturesItNeverSaw() {
        var samples = samples(30, 0.3, LINEAR, new Random(11)).stream()
                .map(s -> new RewardSample(null, s.parameters(), s.prompt(), s.rating())).toList();
        var model = RewardModel.fit(SPACE, samples);
        var point = point("leonardo", 0.3);

        assertThat(model.predict(new double[] { 1, 2, 3 }, point, "rain")).isEqualTo(model.predict(null, point, "rain"));
    }

    @Test
    void mixedFeatureLengthsAndUnknownParametersAreRefused() {
        var point = point("leonardo", 0.3);
        var mixed = List.of(new RewardSample(new double[2], point, "", 3), new RewardSample(new double[3], point, "", 3));
        var model = RewardModel.fit(SPACE, List.of(new RewardSample(new double[2], point, "", 3)));
        var extra = new LinkedHashMap<String, Object>(point);
        extra.put("seed", 4);

        assertThatThrownBy(() -> RewardModel.fit(SPACE, mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different lengths");
        assertThatThrownBy(() -> model.predict(new double[5], point, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.predict(null, extra, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RewardModel.fit(SPACE, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardSample(null, point, "", 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardSample(new double[] { Double.NaN }, point, "", 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSampleGivesItsRatingWithAnHonestUncertainty() {
        var model = RewardModel.fit(SPACE, List.of(new RewardSample(null, point("leonardo", 0.3), "rain", 4)));

        var prediction = model.predict(null, point("stablediffusion", 0.1), "portrait");

        assertThat(prediction.rating()).isEqualTo(4.0);
        assertThat(prediction.stddev()).isGreaterThan(0.5);
    }

    /**
     * Samples at random points with random prompts and 103 image features of pure noise (a quarter without), rated
     * {@code truth + N(0, noise²)} clamped to [1, 5].
     */
    private static List<RewardSample> samples(int n, double noise, ToDoubleFunction<Map<String, Object>> truth, Random random) {
        var samples = new ArrayList<RewardSample>();
        for (int i = 0; i < n; i++) {
            var point = randomPoint(random);
            double[] features = random.nextInt(4) == 0 ? null : random.doubles(ImageFeatures.names().size()).toArray();
            String prompt = TERMS.get(random.nextInt(TERMS.size())) + ", " + TERMS.get(random.nextInt(TERMS.size()));
            double rating = Math.clamp(truth.applyAsDouble(point) + noise * random.nextGaussian(), 1, 5);
            samples.add(new RewardSample(features, point, prompt, rating));
        }
        return samples;
    }

    private static Map<String, Object> randomPoint(Random random) {
        var point = new LinkedHashMap<>(point(random.nextBoolean() ? "leonardo" : "stablediffusion",
                0.1 + 0.4 * random.nextDouble()));
        point.put("guidance_scale", 5 + 7 * random.nextDouble());
        point.put("controlnet_weight", 0.7 + 0.29 * random.nextDouble());
        return point;
    }

    private static Map<String, Object> point(String api, double strength) {
        var point = new LinkedHashMap<String, Object>();
        point.put("api", api);
        point.put("init_strength", strength);
        point.put("guidance_scale", 8.0);
        point.put("controlnet_weight", 0.85);
        return point;
    }

    private static double[] negate(double[] values) {
        return java.util.Arrays.stream(values).map(v -> -v).toArray();
    }
}
