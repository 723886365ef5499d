package io.shotcraft.learning.optimize.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import io.shotcraft.learning.optimize.BayesianOptimizer;
import io.shotcraft.learning.optimize.GaussianProcess;
import io.shotcraft.learning.optimize.Observation;
import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * The benchmark, run by {@code docs/bench/optimizer.sh}: Branin and Hartmann-6 (seeds × evaluations,
 * best-so-far regret of ours and of random search with the same budget), then the simulated rater (30 ratings, 2
 * suggestions per trial, the chosen point's true utility as % of the optimum), and the time of each suggest.
 *
 * <p>Arguments: {@code [seeds (20)] [evaluations (50)] [sections: branin,hartmann6,rater]}. The rater section also
 * times one suggest per seed at the design's maximum: 50 ratings on the preset space, 2 pending, 2 asked.
 */
public final class OptimizerBenchmark {

    private static final int[] CHECKPOINTS = {10, 20, 30, 40, 50};
    private static final BayesianOptimizer OPTIMIZER = new BayesianOptimizer();
    /** Per suggest: encoded size, observations, points asked, wall ns, CPU ns of this thread. */
    private static final List<long[]> TIMINGS = new ArrayList<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int evaluations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String sections = args.length > 2 ? args[2] : "branin,hartmann6,rater";
        System.out.printf("optimizer benchmark: %d seeds, %d evaluations, %s, %s%n", seeds, evaluations, sections,
                OPTIMIZER.settings());
        if (sections.contains("branin")) {
            function("Branin (2-d), regret", TestFunctions.braninSpace(), TestFunctions::branin,
                    TestFunctions.BRANIN_MIN, seeds, evaluations);
        }
        if (sections.contains("hartmann6")) {
            function("Hartmann-6, regret (best = " + TestFunctions.HARTMANN6_MIN + " + regret)",
                    TestFunctions.hartmann6Space(), TestFunctions::hartmann6, TestFunctions.HARTMANN6_MIN, seeds,
                    evaluations);
        }
        if (sections.contains("rater")) {
            rater(SimulatedRater.BROAD, seeds, 30);
            rater(SimulatedRater.NARROW, seeds, 30);
            // the production case at the design's maximum: 50 ratings, 2 pending, 2 asked
            for (int seed = 0; seed < seeds; seed++) {
                var space = ParameterSpace.preset();
                var random = new Random(7_000 + seed);
                var observations = new ArrayList<Observation>();
                for (int i = 0; i < 50; i++) {
                    var point = space.decode(space.sampleEncoded(random));
                    observations.add(new Observation(point, SimulatedRater.BROAD.stars(point, random)));
                }
                var pending = List.of(space.decode(space.sampleEncoded(random)), space.decode(space.sampleEncoded(random)));
                timed(space, observations, pending, 2, seed);
            }
        }
        timings();
    }

    /** Minimises {@code f} sequentially (one suggestion at a time, as skopt's published runs) and at random. */
    private static void function(String title, ParameterSpace space, ToDoubleFunction<Map<String, Object>> f,
            double minimum, int seeds, int evaluations) {
        double[][] ours = new double[seeds][];
        double[][] random = new double[seeds][];
        long started = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            var observations = new ArrayList<Observation>();
            for (int i = 0; i < evaluations; i++) {
                var point = timed(space, observations, List.of(), 1, seed).get(0);
                observations.add(new Observation(point, -f.applyAsDouble(point)));
            }
            ours[seed] = bestSoFar(observations.stream().mapToDouble(o -> -o.value() - minimum).toArray());
            var rng = new Random(1_000 + seed);
            double[] values = new double[evaluations];
            for (int i = 0; i < evaluations; i++) {
                values[i] = f.applyAsDouble(space.decode(space.sampleEncoded(rng))) - minimum;
            }
            random[seed] = bestSoFar(values);
        }
        System.out.printf("%n## %s: median [quartiles] over %d seeds (%.0f s)%n", title, seeds,
                (System.nanoTime() - started) / 1e9);
        System.out.println("| evaluations | ours | random search |");
        System.out.println("| --- | --- | --- |");
        for (int at : CHECKPOINTS) {
            if (at <= evaluations) {
                System.out.printf("| %d | %s | %s |%n", at, quartiles(column(ours, at - 1)),
                        quartiles(column(random, at - 1)));
            }
        }
        for (double threshold : new double[] {0.001, 0.01, 0.1}) {
            System.out.printf("evaluations to regret <= %s: ours %s, random %s%n", threshold,
                    reached(ours, threshold), reached(random, threshold));
        }
    }

    /** The production loop: trials of 2 suggestions, both rated, until 30 ratings; the recommended point is chosen. */
    private static void rater(SimulatedRater rater, int seeds, int ratings) {
        var space = ParameterSpace.preset();
        double[] oursRecommended = new double[seeds];
        double[] oursBestRated = new double[seeds];
        double[] random = new double[seeds];
        double[] oursMax = new double[seeds];
        double[] oursExpected = new double[seeds];
        long started = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            var noise = new Random(5_000 + seed);
            var observations = new ArrayList<Observation>();
            while (observations.size() < ratings) {
                for (var point : timed(space, observations, List.of(), 2, seed)) {
                    observations.add(new Observation(point, rater.stars(point, noise)));
                }
            }
            var status = OPTIMIZER.status(space, observations, false, seed);
            oursRecommended[seed] = 100 * rater.utility(status.recommendedPoint());
            oursBestRated[seed] = 100 * rater.utility(status.bestPoint());
            oursMax[seed] = 100 * observations.stream().mapToDouble(o -> rater.utility(o.point())).max()
                    .orElseThrow();

            oursExpected[seed] = 100 * rater.utility(expectedBest(space, observations, seed));

            var rng = new Random(9_000 + seed);
            Map<String, Object> chosen = null;
            int chosenStars = 0;
            for (int i = 0; i < ratings; i++) {
                var point = space.decode(space.sampleEncoded(rng));
                int stars = rater.stars(point, noise);
                if (stars > chosenStars) {
                    chosen = point;
                    chosenStars = stars;
                }
            }
            random[seed] = 100 * rater.utility(chosen);
        }
        System.out.printf("%n## Simulated rater (%s peaks), %d ratings (2 per trial): chosen point's true utility, %% of "
                + "the optimum, median [quartiles] over %d seeds (%.0f s)%n", rater.name(), ratings, seeds,
                (System.nanoTime() - started) / 1e9);
        System.out.println("| method | utility % | seeds within 10 % |");
        System.out.println("| --- | --- | --- |");
        row("ours, recommended (best posterior mean among rated points)", oursRecommended);
        row("ours, best rating (first of ties)", oursBestRated);
        row("ours, best point tried (hindsight, not choosable)", oursMax);
        row("ours, the model's best anywhere (posterior mean, maybe never rated)", oursExpected);
        row("random search, best rating (first of ties)", random);
    }

    /** skopt's {@code expected_minimum}, roughly: the largest posterior mean over the rated points and random ones. */
    private static Map<String, Object> expectedBest(ParameterSpace space, List<Observation> observations, long seed) {
        double[][] x = observations.stream().map(o -> space.encode(o.point())).toArray(double[][]::new);
        double[] y = observations.stream().mapToDouble(o -> -o.value()).toArray();
        var random = new Random(seed);
        var model = GaussianProcess.fit(x, y, 2, random);
        double[] best = x[0];
        double bestMean = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 10_000 + x.length; i++) {
            double[] point = i < x.length ? x[i] : space.sampleEncoded(random);
            double mean = model.predict(point).mean();
            if (mean < bestMean) {
                bestMean = mean;
                best = point;
            }
        }
        return space.decode(best);
    }

    private static List<Map<String, Object>> timed(ParameterSpace space, List<Observation> observations,
            List<Map<String, Object>> pending, int count, long seed) {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        var points = OPTIMIZER.suggest(space, observations, pending, count, seed);
        TIMINGS.add(new long[] {space.encodedSize(), observations.size(), count, System.nanoTime() - start,
                THREADS.getCurrentThreadCpuTime() - cpu});
        return points;
    }

    private static void timings() {
        System.out.printf("%n## Time per suggest (ms), model-based calls (JIT warm-up included): wall-clock median / p90"
                + " / max, and CPU time of the calling thread median / p90%n");
        System.out.println("| space | observations | points per call | calls | wall median | wall p90 | wall max "
                + "| CPU median | CPU p90 |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (long dims : TIMINGS.stream().mapToLong(t -> t[0]).distinct().sorted().toArray()) {
            for (long[] range : new long[][] {{5, 19}, {20, 39}, {40, 60}}) {
                for (long count : new long[] {1, 2}) {
                    var calls = TIMINGS.stream()
                            .filter(t -> t[0] == dims && t[2] == count && t[1] >= range[0] && t[1] <= range[1])
                            .toList();
                    if (calls.isEmpty()) {
                        continue;
                    }
                    double[] ms = calls.stream().mapToDouble(t -> t[3] / 1e6).sorted().toArray();
                    double[] cpu = calls.stream().mapToDouble(t -> t[4] / 1e6).sorted().toArray();
                    System.out.printf(Locale.ROOT, "| %d-d encoded | %d–%d | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                            dims, range[0], range[1], count, ms.length, percentile(ms, 0.5), percentile(ms, 0.9),
                            ms[ms.length - 1], percentile(cpu, 0.5), percentile(cpu, 0.9));
                }
            }
        }
    }

    private static void row(String name, double[] values) {
        long within = Arrays.stream(values).filter(v -> v >= 90).count();
        System.out.printf(Locale.ROOT, "| %s | %.1f [%.1f, %.1f] | %d / %d |%n", name, percentile(sorted(values), 0.5),
                percentile(sorted(values), 0.25), percentile(sorted(values), 0.75), within, values.length);
    }

    private static String reached(double[][] runs, double threshold) {
        int[] at = new int[runs.length];
        int never = 0;
        for (int s = 0; s < runs.length; s++) {
            at[s] = Integer.MAX_VALUE;
            for (int i = 0; i < runs[s].length; i++) {
                if (runs[s][i] <= threshold) {
                    at[s] = i + 1;
                    break;
                }
            }
            if (at[s] == Integer.MAX_VALUE) {
                never++;
            }
        }
        double[] reachedAt = Arrays.stream(at).filter(a -> a != Integer.MAX_VALUE).mapToDouble(a -> a).sorted()
                .toArray();
        return reachedAt.length == 0 ? "never" : String.format(Locale.ROOT, "median %.0f, mean %.1f (%d of %d seeds%s)",
                percentile(reachedAt, 0.5), Arrays.stream(reachedAt).average().orElse(0), reachedAt.length,
                runs.length, never > 0 ? ", the others never" : "");
    }

    private static double[] bestSoFar(double[] values) {
        double[] best = values.clone();
        for (int i = 1; i < best.length; i++) {
            best[i] = Math.min(best[i - 1], best[i]);
        }
        return best;
    }

    private static double[] column(double[][] runs, int index) {
        return Arrays.stream(runs).mapToDouble(r -> r[index]).sorted().toArray();
    }

    private static String quartiles(double[] sorted) {
        return String.format(Locale.ROOT, "%s [%s, %s]", number(percentile(sorted, 0.5)),
                number(percentile(sorted, 0.25)), number(percentile(sorted, 0.75)));
    }

    private static String number(double v) {
        return v >= 0.1 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** Linear interpolation between order statistics, as numpy's default. */
    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
