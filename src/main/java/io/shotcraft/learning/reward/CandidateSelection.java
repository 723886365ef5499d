package io.shotcraft.learning.reward;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Which candidates to show once the reward model is ready: the design's pre-filter (render N, show the best two) and
 * active learning (show the predictions the model is least sure of, whose ratings teach it most). Both return
 * indexes into the list given, best first; ties go to the earlier candidate, so the choice is deterministic.
 */
public final class CandidateSelection {

    private CandidateSelection() {
    }

    /** The {@code count} highest predicted ratings (fewer when there are fewer candidates). */
    public static List<Integer> best(List<RewardPrediction> predictions, int count) {
        return top(predictions, count, RewardPrediction::rating);
    }

    /** The {@code count} largest predictive standard deviations. */
    public static List<Integer> mostUncertain(List<RewardPrediction> predictions, int count) {
        return top(predictions, count, RewardPrediction::stddev);
    }

    private static List<Integer> top(List<RewardPrediction> predictions, int count, ToDoubleFunction<RewardPrediction> key) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        Comparator<Integer> byKey = Comparator.comparingDouble(i -> key.applyAsDouble(predictions.get(i)));
        return IntStream.range(0, predictions.size()).boxed()
                .sorted(byKey.reversed().thenComparing(Comparator.naturalOrder()))
                .limit(count)
                .toList();
    }
}
