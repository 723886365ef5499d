package io.shotcraft.learning.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CandidateSelectionTest {

    private static final List<RewardPrediction> PREDICTIONS = List.of(
            new RewardPrediction(3.0, 0.4),
            new RewardPrediction(4.5, 0.2),
            new RewardPrediction(2.0, 0.9),
            new RewardPrediction(4.5, 0.9),
            new RewardPrediction(1.0, 0.1));

    @Test
    void bestTakesTheHighestRatingsEarlierCandidateFirstOnTies() {
        assertThat(CandidateSelection.best(PREDICTIONS, 2)).containsExactly(1, 3);
        assertThat(CandidateSelection.best(PREDICTIONS, 3)).containsExactly(1, 3, 0);
    }

    @Test
    void mostUncertainTakesTheLargestStddevs() {
        assertThat(CandidateSelection.mostUncertain(PREDICTIONS, 3)).containsExactly(2, 3, 0);
    }

    @Test
    void countsBeyondTheCandidatesOrZeroAreFineNegativeIsNot() {
        assertThat(CandidateSelection.best(PREDICTIONS, 10)).containsExactly(1, 3, 0, 2, 4);
        assertThat(CandidateSelection.mostUncertain(PREDICTIONS, 0)).isEmpty();
        assertThat(CandidateSelection.best(List.of(), 2)).isEmpty();
        assertThatThrownBy(() -> CandidateSelection.best(PREDICTIONS, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
