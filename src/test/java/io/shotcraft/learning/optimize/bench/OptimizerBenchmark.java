package io.shotcraft.learning.optimize.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import io.shotcraft.learning.optimize.BayesianOptimizer;
import io.shotcraft.learning.optimize.Observation;
import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * The benchmark, run by {@code docs/bench/optimizer.sh}: Branin and Hartmann-6 (seeds × evaluations,
 * best-so-far regret of ours and of random search with the same budget), then the simulated rater (30 ratings, 2
 * suggestions per trial, the chosen point's true utility as % of the optimum), and the time of each suggest.
 *
 * <p>Arguments: {@code [seeds (20)] [evaluations (50)] [sections: branin,hartmann6,rater]}.
 */
public final class OptimizerBenchmark {

    private static final int[] CHECKPOINTS = {10, 20, 30, 40, 50};
    private static final BayesianOptimizer OPTIMIZER = new BayesianOptimizer();
    private static final List<long[]> TIMINGS = new ArrayList<>();

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
            rater(seeds, 30);
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
        for (double threshold : new double[] {0.01, 0.1}) {
            System.out.printf("evaluations to regret <= %s: ours %s, random %s%n", threshold,
                    reached(ours, threshold), reached(random, threshold));
        }
    }

    /** The production loop: trials of 2 suggestions, both rated, until 30 ratings; the recommended point is chosen. */
    private static void rater(int seeds, int ratings) {
        var space = ParameterSpace.preset();
        double[] oursRecommended = new double[seeds];
        double[] oursBestRated = new double[seeds];
        double[] random = new double[seeds];
        double[] oursMax = new double[seeds];
        long started = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            var noise = new Random(5_000 + seed);
            var observations = new ArrayList<Observation>();
            while (observations.size() < ratings) {
                for (var point : timed(space, observations, List.of(), 2, seed)) {
                    observations.add(new Observation(point, SimulatedRater.stars(point, noise)));
                }
            }
            var status = OPTIMIZER.status(space, observations, false, seed);
            oursRecommended[seed] = 100 * SimulatedRater.utility(status.recommendedPoint());
            oursBestRated[seed] = 100 * SimulatedRater.utility(status.bestPoint());
            oursMax[seed] = 100 * observations.stream().mapToDouble(o -> SimulatedRater.utility(o.point())).max()
                    .orElseThrow();

            var rng = new Random(9_000 + seed);
            Map<String, Object> chosen = null;
            int chosenStars = 0;
            for (int i = 0; i < ratings; i++) {
                var point = space.decode(space.sampleEncoded(rng));
                int stars = SimulatedRater.stars(point, noise);
                if (stars > chosenStars) {
                    chosen = point;
                    chosenStars = stars;
                }
            }
            random[seed] = 100 * SimulatedRater.utility(chosen);
        }
        System.out.printf("%n## Simulated rater, %d ratings (2 per trial): chosen point's true utility, %% of the "
                + "optimum, median [quartiles] over %d seeds (%.0f s)%n", ratings, seeds,
                (System.nanoTime() - started) / 1e9);
        System.out.println("| method | utility % | seeds within 10 % |");
        System.out.println("| --- | --- | --- |");
        row("ours, recommended (best posterior mean among rated points)", oursRecommended);
        row("ours, best rating (first of ties)", oursBestRated);
        row("ours, best point tried (hindsight, not choosable)", oursMax);
        row("random search, best rating (first of ties)", random);
    }

    private static List<Map<String, Object>> timed(ParameterSpace space, List<Observation> observations,
            List<Map<String, Object>> pending, int count, long seed) {
        long start = System.nanoTime();
        var points = OPTIMIZER.suggest(space, observations, pending, count, seed);
        TIMINGS.add(new long[] {space.encodedSize(), observations.size(), count, System.nanoTime() - start});
        return points;
    }

    private static void timings() {
        System.out.printf("%n## Time per suggest (ms), model-based calls, median / p90 / max%n");
        System.out.println("| space | observations | points per call | calls | median | p90 | max |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (long dims : TIMINGS.stream().mapToLong(t -> t[0]).distinct().sorted().toArray()) {
            for (long[] range : new long[][] {{5, 19}, {20, 39}, {40, 60}}) {
                for (long count : new long[] {1, 2}) {
                    double[] ms = TIMINGS.stream()
                            .filter(t -> t[0] == dims && t[2] == count && t[1] >= range[0] && t[1] <= range[1])
                            .mapToDouble(t -> t[3] / 1e6).sorted().toArray();
                    if (ms.length > 0) {
                        System.out.printf(Locale.ROOT, "| %d-d encoded | %d–%d | %d | %d | %.0f | %.0f | %.0f |%n",
                                dims, range[0], range[1], count, ms.length, percentile(ms, 0.5), percentile(ms, 0.9),
                                ms[ms.length - 1]);
                    }
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
