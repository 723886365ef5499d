package io.shotcraft.learning.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shotcraft.learning.evolve.EvolutionTriggers.Trigger;

class EvolutionTriggersTest {

    @Test
    void everyTenSamplesWhileTheBestIsUnderTheTarget() {
        assertThat(EvolutionTriggers.due(9, 4.2, 9, null, false)).isEmpty();
        assertThat(EvolutionTriggers.due(10, 4.2, 9, null, false)).contains(Trigger.PERIODIC);
        assertThat(EvolutionTriggers.due(11, 4.2, 9, 10, false)).isEmpty();
        assertThat(EvolutionTriggers.due(20, 4.2, 18, 10, false)).contains(Trigger.PERIODIC);
        assertThat(EvolutionTriggers.due(10, null, 0, null, false)).as("no rating yet is under the target")
                .contains(Trigger.PERIODIC);
    }

    @Test
    void overTheTargetOnlyAPlateauOrAManualRequestFires() {
        assertThat(EvolutionTriggers.due(10, 4.5, 3, null, false)).isEmpty();
        assertThat(EvolutionTriggers.due(40, 4.6, 30, 10, false)).isEmpty();
        assertThat(EvolutionTriggers.due(40, 4.6, 20, 20, false)).contains(Trigger.PLATEAU);
        assertThat(EvolutionTriggers.due(40, 5.0, 20, 20, false)).as("nothing left to improve").isEmpty();
        assertThat(EvolutionTriggers.due(12, 4.8, 3, 10, true)).contains(Trigger.MANUAL);
        assertThat(EvolutionTriggers.due(12, 5.0, 3, 10, true)).contains(Trigger.MANUAL);
    }

    @Test
    void aSkippedMultipleOfTenStillFires() {
        assertThat(EvolutionTriggers.due(12, 4.2, 11, null, false)).contains(Trigger.PERIODIC);
        assertThat(EvolutionTriggers.due(21, 4.4, 21, 12, false)).contains(Trigger.PERIODIC);
    }

    @Test
    void neverTwiceAtOneSampleCountNorBelowTheLastEvolution() {
        assertThat(EvolutionTriggers.due(10, 4.2, 9, 10, false)).isEmpty();
        assertThat(EvolutionTriggers.due(10, 4.2, 9, 10, true)).as("manual too").isEmpty();
        assertThat(EvolutionTriggers.due(9, 4.2, 9, 10, true)).isEmpty();
        assertThat(EvolutionTriggers.due(11, 4.2, 9, 10, true)).contains(Trigger.MANUAL);
    }

    @Test
    void lowPerformanceAfterTwentySamples() {
        assertThat(EvolutionTriggers.due(20, 3.8, 12, 10, false)).contains(Trigger.LOW_PERFORMANCE);
        assertThat(EvolutionTriggers.due(20, 4.1, 19, 10, false)).contains(Trigger.PERIODIC);
        // The first check since an evolution at 17 (manual): 10 samples later, between two multiples of ten.
        assertThat(EvolutionTriggers.due(23, 3.8, 23, 20, false)).isEmpty();
        assertThat(EvolutionTriggers.due(27, 3.8, 27, 17, false)).contains(Trigger.LOW_PERFORMANCE);
        assertThat(EvolutionTriggers.due(20, 3.8, 12, null, false)).contains(Trigger.LOW_PERFORMANCE);
        assertThat(EvolutionTriggers.due(19, 3.8, 12, 10, false)).isEmpty();
    }

    @Test
    void aPlateauOfFifteenSamples() {
        assertThat(EvolutionTriggers.due(25, 4.2, 10, 20, false)).as("only five since the last evolution").isEmpty();
        assertThat(EvolutionTriggers.due(35, 4.2, 20, 20, false)).contains(Trigger.PLATEAU);
        assertThat(EvolutionTriggers.due(34, 4.6, 20, 19, false)).isEmpty();
        assertThat(EvolutionTriggers.due(35, 4.6, 20, 19, false)).contains(Trigger.PLATEAU);
        assertThat(EvolutionTriggers.due(36, 4.2, 20, 21, false)).contains(Trigger.PLATEAU);
        assertThat(EvolutionTriggers.due(36, 4.6, 22, 21, false)).isEmpty();
    }

    @Test
    void manualWinsOverEverythingAndLowPerformanceOverPlateauAndPeriodic() {
        assertThat(EvolutionTriggers.due(40, 3.0, 5, 20, true)).contains(Trigger.MANUAL);
        assertThat(EvolutionTriggers.due(40, 3.0, 5, 20, false)).contains(Trigger.LOW_PERFORMANCE);
        assertThat(EvolutionTriggers.due(40, 4.2, 5, 20, false)).contains(Trigger.PLATEAU);
    }

    @Test
    void noSamplesNoAutomaticTrigger() {
        assertThat(EvolutionTriggers.due(0, null, 0, null, false)).isEmpty();
        assertThat(EvolutionTriggers.due(0, null, 0, null, true)).isEqualTo(Optional.of(Trigger.MANUAL));
    }

    @Test
    void theNextEvolutionIsTheFirstCountAtWhichOneIsDue() {
        assertThat(EvolutionTriggers.nextEvolutionAtSample(0, null, 0, null)).isEqualTo(10);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(3, 4.0, 2, null)).isEqualTo(10);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(10, 4.2, 9, null)).as("due now").isEqualTo(10);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(10, 4.2, 9, 10)).isEqualTo(20);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(17, 3.2, 15, 17)).isEqualTo(20);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(26, 4.2, 20, 25)).isEqualTo(30);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(26, 4.6, 20, 25)).as("over the target, the plateau")
                .isEqualTo(40);
        assertThat(EvolutionTriggers.nextEvolutionAtSample(12, 5.0, 11, 10)).isNull();
    }

    @Test
    void theNextEvolutionIsNeverAtTheLastOnesCount() {
        for (int samples = 0; samples < 60; samples++) {
            for (Integer last : new Integer[] { null, samples / 2, samples }) {
                var next = EvolutionTriggers.nextEvolutionAtSample(samples, 3.9, samples / 3, last);
                assertThat(next).isNotNull().isGreaterThanOrEqualTo(samples);
                if (last != null) {
                    assertThat(next).isGreaterThan(last);
                }
                assertThat(EvolutionTriggers.due(next, 3.9, samples / 3, last, false)).isPresent();
            }
        }
    }
}
