package io.shotcraft.learning.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.shotcraft.learning.optimize.OptimizerStatus.StopReason;
import io.shotcraft.learning.optimize.bench.TestFunctions;

class BayesianOptimizerTest {

    static final ParameterSpace PRESET = ParameterSpace.preset();
    static final ParameterSpace LINE = ParameterSpace.of(new Dimension.Real("x", 0, 1));
    final BayesianOptimizer optimizer = new BayesianOptimizer();

    /** A smooth bump on the preset space, best for leonardo near the middle (used as a 1–5 rating). */
    static double rating(Map<String, Object> p) {
        double s = ((double) p.get("init_strength") - 0.3) / 0.4;
        double g = ((double) p.get("guidance_scale") - 8.0) / 7.0;
        double c = ((double) p.get("controlnet_weight") - 0.85) / 0.29;
        double peak = "leonardo".equals(p.get("api")) ? 4.0 : 3.0;
        return 1 + peak * Math.exp(-(s * s + g * g + c * c) / 0.18);
    }

    static List<Observation> rated(List<Map<String, Object>> points) {
        return points.stream().map(p -> new Observation(p, rating(p))).toList();
    }

    static double[] at(ParameterSpace space, Map<String, Object> point) {
        return space.encode(point);
    }

    @Test
    void theFirstFivePointsAreOneSpaceFillingDesignHoweverTheyAreAskedFor() {
        var all = optimizer.suggest(PRESET, List.of(), List.of(), 5, 42);
        var stepwise = new ArrayList<Map<String, Object>>();
        var observations = new ArrayList<Observation>();
        // two at a time, the first pair rated, the second pair pending, then one more
        stepwise.addAll(optimizer.suggest(PRESET, List.of(), List.of(), 2, 42));
        observations.addAll(rated(stepwise));
        var pending = optimizer.suggest(PRESET, observations, List.of(), 2, 42);
        stepwise.addAll(pending);
        stepwise.addAll(optimizer.suggest(PRESET, observations, pending, 1, 42));

        assertThat(stepwise).isEqualTo(all);
        assertThat(all).doesNotHaveDuplicates();
        // Latin hypercube: each fifth of every continuous range holds one point
        for (String name : List.of("init_strength", "guidance_scale", "controlnet_weight")) {
            var dimension = (Dimension.Real) PRESET.dimensions().stream().filter(d -> d.name().equals(name))
                    .findFirst().orElseThrow();
            assertThat(all.stream().mapToInt(p -> (int) Math.floor(
                    ((double) p.get(name) - dimension.low()) / (dimension.high() - dimension.low()) * 5)).sorted()
                    .toArray()).as(name).containsExactly(0, 1, 2, 3, 4);
        }
        assertThat(all).extracting(p -> p.get("api")).contains("leonardo", "stablediffusion");
    }

    @Test
    void isDeterministicForASeedAndDependsOnIt() {
        var observations = rated(optimizer.suggest(PRESET, List.of(), List.of(), 6, 1));
        var a = optimizer.suggest(PRESET, observations, List.of(), 2, 9);
        var b = optimizer.suggest(PRESET, observations, List.of(), 2, 9);
        assertThat(a).isEqualTo(b);
        assertThat(optimizer.suggest(PRESET, List.of(), List.of(), 2, 10))
                .isNotEqualTo(optimizer.suggest(PRESET, List.of(), List.of(), 2, 9));
    }

    @Test
    void twoSuggestionsDifferAndAvoidThePendingPoints() {
        var observations = rated(optimizer.suggest(PRESET, List.of(), List.of(), 8, 3));
        var first = optimizer.suggest(PRESET, observations, List.of(), 2, 5);
        assertThat(first).hasSize(2);
        assertThat(AcquisitionSearch.same(at(PRESET, first.get(0)), at(PRESET, first.get(1)))).isFalse();

        // what it would suggest, now pending: never suggested again
        var next = optimizer.suggest(PRESET, observations, first, 2, 5);
        assertThat(next).hasSize(2);
        for (var p : next) {
            for (var q : first) {
                assertThat(AcquisitionSearch.same(at(PRESET, p), at(PRESET, q))).as("%s vs pending %s", p, q).isFalse();
            }
        }
    }

    @Test
    void withAPendingPointTheSuggestionMovesAwayFromIt() {
        // y = −(x − 0.3)², rated at six points: the model's favourite is near 0.3
        var observations = new ArrayList<Observation>();
        for (double x : new double[] {0.0, 0.15, 0.45, 0.6, 0.8, 1.0}) {
            observations.add(new Observation(Map.of("x", x), -(x - 0.3) * (x - 0.3)));
        }
        double alone = (double) optimizer.suggest(LINE, observations, List.of(), 1, 11).get(0).get("x");
        assertThat(alone).isBetween(0.2, 0.4);

        double beside = (double) optimizer.suggest(LINE, observations, List.of(Map.of("x", alone)), 1, 11)
                .get(0).get("x");
        assertThat(Math.abs(beside - alone)).isGreaterThan(0.03);
        // and a batch of two does the same within itself
        var pair = optimizer.suggest(LINE, observations, List.of(), 2, 11);
        assertThat(Math.abs((double) pair.get(0).get("x") - (double) pair.get(1).get("x"))).isGreaterThan(0.03);
    }

    @Test
    void equalRatingsEverywhereStillGiveDistinctPoints() {
        // the first ratings of a session are often all the same: the model has nothing to go on, EI is flat
        var observations = flat(6, 3.0);
        var pending = optimizer.suggest(PRESET, observations, List.of(), 2, 8);
        var next = optimizer.suggest(PRESET, observations, pending, 2, 8);
        var all = new ArrayList<double[]>();
        for (var p : List.of(pending.get(0), pending.get(1), next.get(0), next.get(1))) {
            double[] x = at(PRESET, p);
            assertThat(AcquisitionSearch.taken(x, all)).as("%s repeats an earlier point", p).isFalse();
            all.add(x);
        }
    }

    @Test
    void aPointRatedTwiceIsFine() {
        var observations = new ArrayList<>(rated(optimizer.suggest(PRESET, List.of(), List.of(), 6, 12)));
        observations.add(new Observation(observations.get(2).point(), 2.0));
        assertThat(optimizer.suggest(PRESET, observations, List.of(), 2, 12)).hasSize(2);
    }

    @Test
    void refusesObservationsOutsideTheSpaceNamingThem() {
        var good = rated(optimizer.suggest(PRESET, List.of(), List.of(), 5, 1));
        var observations = new ArrayList<>(good);
        observations.add(new Observation(Map.of("api", "leonardo", "init_strength", 0.3, "guidance_scale", 20.0,
                "controlnet_weight", 0.9), 3));
        assertThatThrownBy(() -> optimizer.suggest(PRESET, observations, List.of(), 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observation 5").hasMessageContaining("'guidance_scale'");
        assertThatThrownBy(() -> optimizer.suggest(PRESET, good, List.of(Map.of("api", "dalle",
                "init_strength", 0.3, "guidance_scale", 7.0, "controlnet_weight", 0.9)), 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pending point 0").hasMessageContaining("'api'");
    }

    static List<Observation> flat(int n, double rating) {
        var points = new BayesianOptimizer().suggest(PRESET, List.of(), List.of(), n, 7);
        return points.stream().map(p -> new Observation(p, rating)).toList();
    }

    @Test
    void stopsAfterFiftySamples() {
        var status = optimizer.status(PRESET, flat(50, 2.0), false, 1);
        assertThat(status.stopReason()).isEqualTo(StopReason.MAX_SAMPLES);
        assertThat(status.stopped()).isTrue();
        assertThat(status.convergence()).isEqualTo(1.0);
        assertThat(status.estimatedTrialsRemaining()).isZero();
        assertThat(optimizer.status(PRESET, flat(49, 2.0), false, 1).stopReason()).isNull();
    }

    @Test
    void stopsWhenTheBestRatingReachesFour() {
        var observations = new ArrayList<>(flat(7, 2.0));
        var below = optimizer.status(PRESET, observations, false, 1);
        assertThat(below.stopReason()).isNull();

        var top = observations.get(3);
        observations.set(3, new Observation(top.point(), 4.0));
        var status = optimizer.status(PRESET, observations, false, 1);
        assertThat(status.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(status.bestValue()).isEqualTo(4.0);
        assertThat(status.bestPoint()).isEqualTo(PRESET.decode(PRESET.encode(top.point())));
        assertThat(status.convergence()).isEqualTo(1.0);
    }

    @Test
    void stopsWhenStoppedByHand() {
        var status = optimizer.status(PRESET, flat(3, 2.0), true, 1);
        assertThat(status.stopReason()).isEqualTo(StopReason.MANUAL);
        assertThat(status.estimatedTrialsRemaining()).isZero();
    }

    @Test
    void whenSeveralStopRulesHoldTheyAreCheckedManualThenTargetThenMaximum() {
        var fifty = new ArrayList<>(flat(50, 2.0));
        fifty.set(10, new Observation(fifty.get(10).point(), 4.5));
        assertThat(optimizer.status(PRESET, fifty, true, 1).stopReason()).isEqualTo(StopReason.MANUAL);
        assertThat(optimizer.status(PRESET, fifty, false, 1).stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        // 3.99 is below the target: the maximum decides
        fifty.set(10, new Observation(fifty.get(10).point(), 3.99));
        assertThat(optimizer.status(PRESET, fifty, false, 1).stopReason()).isEqualTo(StopReason.MAX_SAMPLES);
    }

    @Test
    void whileGoingOnReportsProgressAndTrialsRemaining() {
        var empty = optimizer.status(PRESET, List.of(), false, 1);
        assertThat(empty.samples()).isZero();
        assertThat(empty.bestValue()).isNull();
        assertThat(empty.convergence()).isZero();
        assertThat(empty.estimatedTrialsRemaining()).isEqualTo(50);

        // 23 ratings of 1–2 stars: no point looks close to 4, so the maximum decides (the design's 0.46 and 27)
        var low = new ArrayList<Observation>();
        var points = optimizer.suggest(PRESET, List.of(), List.of(), 23, 2);
        for (int i = 0; i < points.size(); i++) {
            low.add(new Observation(points.get(i), 1 + (i % 2)));
        }
        var status = optimizer.status(PRESET, low, false, 1);
        assertThat(status.estimatedTrialsRemaining()).isEqualTo(27);
        assertThat(status.convergence()).isEqualTo(0.46);

        // ratings climbing toward 4 around one point: fewer trials expected
        var climbing = new ArrayList<>(rated(optimizer.suggest(PRESET, List.of(), List.of(), 10, 4)));
        var centre = Map.<String, Object>of("api", "leonardo", "init_strength", 0.3, "guidance_scale", 8.0,
                "controlnet_weight", 0.85);
        climbing.add(new Observation(centre, 3.9));
        var near = optimizer.status(PRESET, climbing, false, 1);
        assertThat(near.stopReason()).isNull();
        assertThat(near.estimatedTrialsRemaining()).isLessThan(50 - climbing.size());
        assertThat(near.convergence()).isGreaterThan(climbing.size() / 50.0);
        assertThat(near.recommendedPoint()).isEqualTo(PRESET.decode(PRESET.encode(centre)));
    }

    @Test
    void beatsRandomSearchOnBraninWithTwentyEvaluations() {
        var space = TestFunctions.braninSpace();
        // fewer random points for EI than in production, to keep the test cheap
        var cheap = new BayesianOptimizer(new BayesianOptimizer.Settings(5, 50, 4.0, 0.01, 2, 2_000, 5));
        var observations = new ArrayList<Observation>();
        for (int i = 0; i < 20; i++) {
            var p = cheap.suggest(space, observations, List.of(), 1, 2024).get(0);
            observations.add(new Observation(p, -TestFunctions.branin(p)));
        }
        double ours = -observations.stream().mapToDouble(Observation::value).max().orElseThrow();

        var random = new Random(2024);
        double randomBest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 20; i++) {
            randomBest = Math.min(randomBest, TestFunctions.branin(space.decode(space.sampleEncoded(random))));
        }
        assertThat(ours - TestFunctions.BRANIN_MIN).isLessThan(0.5).isLessThan(randomBest - TestFunctions.BRANIN_MIN);
    }
}
