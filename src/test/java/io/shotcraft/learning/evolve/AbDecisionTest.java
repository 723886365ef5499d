package io.shotcraft.learning.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotcraft.learning.evolve.AbDecision.Decision;
import io.shotcraft.learning.evolve.AbDecision.Pair;

class AbDecisionTest {

    @Test
    void fiveWinsAndNoLossPromote() {
        // Beta(6, 1): P(p > 0.5) = 1 - 0.5^6.
        var result = AbDecision.decide(5, 0, 0);
        assertThat(result.probability()).isCloseTo(0.984375, within(1e-12));
        assertThat(result.decision()).isEqualTo(Decision.PROMOTE);
        assertThat(result).extracting("wins", "losses", "ties", "pairs").containsExactly(5, 0, 0, 5);
    }

    @Test
    void theBoundariesAreWhereTheExactFiguresCrossThem() {
        // 3-0: 1 - 0.5^4 = 0.9375, not yet; 4-0: 1 - 0.5^5 = 0.96875.
        assertThat(AbDecision.decide(3, 0, 0).probability()).isCloseTo(0.9375, within(1e-12));
        assertThat(AbDecision.decide(3, 0, 0).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(AbDecision.decide(4, 0, 0).decision()).isEqualTo(Decision.PROMOTE);
        // 5-1: I_0.5(6, 2) = 8/128, P = 0.9375; 6-1: I_0.5(7, 2) = 9/256, P = 0.96484375.
        assertThat(AbDecision.decide(5, 1, 0).probability()).isCloseTo(0.9375, within(1e-12));
        assertThat(AbDecision.decide(5, 1, 0).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(AbDecision.decide(6, 1, 0).probability()).isCloseTo(0.96484375, within(1e-12));
        assertThat(AbDecision.decide(6, 1, 0).decision()).isEqualTo(Decision.PROMOTE);
    }

    @Test
    void lossesRetireSymmetrically() {
        assertThat(AbDecision.decide(0, 3, 0).probability()).isCloseTo(0.0625, within(1e-12));
        assertThat(AbDecision.decide(0, 3, 0).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(AbDecision.decide(0, 4, 0).probability()).isCloseTo(0.03125, within(1e-12));
        assertThat(AbDecision.decide(0, 4, 0).decision()).isEqualTo(Decision.RETIRE);
        assertThat(AbDecision.decide(1, 6, 0).decision()).isEqualTo(Decision.RETIRE);
    }

    @Test
    void noPairsIsEvenOdds() {
        var result = AbDecision.decide(0, 0, 0);
        assertThat(result.probability()).isCloseTo(0.5, within(1e-12));
        assertThat(result.decision()).isEqualTo(Decision.CONTINUE);
    }

    @Test
    void tiesCountForNeitherSideButUseUpPairs() {
        var withTies = AbDecision.decide(3, 0, 10);
        assertThat(withTies.probability()).isCloseTo(0.9375, within(1e-12));
        assertThat(withTies.pairs()).isEqualTo(13);
        assertThat(withTies.decision()).isEqualTo(Decision.CONTINUE);

        var exhausted = AbDecision.decide(3, 0, 17);
        assertThat(exhausted.pairs()).isEqualTo(AbDecision.MAX_PAIRS);
        assertThat(exhausted.decision()).isEqualTo(Decision.KEEP_CURRENT);
    }

    @Test
    void twentyUndecidedPairsKeepTheCurrentVersionButAClearResultStillCounts() {
        assertThat(AbDecision.decide(10, 9, 0).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(AbDecision.decide(10, 10, 0).decision()).isEqualTo(Decision.KEEP_CURRENT);
        assertThat(AbDecision.decide(11, 10, 0).decision()).isEqualTo(Decision.KEEP_CURRENT);
        assertThat(AbDecision.decide(15, 5, 0).decision()).isEqualTo(Decision.PROMOTE);
        assertThat(AbDecision.decide(5, 15, 0).decision()).isEqualTo(Decision.RETIRE);
    }

    @Test
    void pairedRatingsAreCountedAsWinsLossesAndTies() {
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair(4, 3));
        pairs.add(new Pair(5, 2));
        pairs.add(new Pair(3, 3));
        pairs.add(new Pair(2, 4));
        var result = AbDecision.decide(pairs);
        assertThat(result).extracting("wins", "losses", "ties", "pairs").containsExactly(2, 1, 1, 4);
        assertThat(result.probability()).isEqualTo(AbDecision.decide(2, 1, 1).probability());
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> AbDecision.decide(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
