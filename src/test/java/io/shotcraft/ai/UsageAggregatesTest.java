package io.shotcraft.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Aggregate rows: bounded keys, exact sums, and rows that fit the columns however large the sums grow. */
class UsageAggregatesTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static UsageRecorder.Row row(String task, int tokensIn, String cost, long latency) {
        return new UsageRecorder.Row(task, Engine.LLM, "gpt-4.1-mini", "v1", tokensIn, 7, 3, new BigDecimal(cost), latency,
                "success", false, "c-1");
    }

    @Test
    void answersOfOneKeyAreSummedAndWhatWasWrittenIsTakenOut() {
        var aggregates = new UsageAggregates();
        aggregates.add(UsageAggregates.Totals.of(row("enhance", 10, "0.000100", 5), AT));
        aggregates.add(UsageAggregates.Totals.of(row("enhance", 20, "0.0000004", 7), AT.plusSeconds(1)));
        var taken = aggregates.snapshot(10);
        assertThat(taken).singleElement().satisfies(t -> {
            assertThat(t.requests()).isEqualTo(2);
            assertThat(t.tokensIn()).isEqualTo(30);
            assertThat(t.tokensOut()).isEqualTo(14);
            // Each answer's cost rounded as numeric(12, 6) rounds it, so the sum is what its rows would add up to.
            assertThat(t.costUsd()).isEqualByComparingTo("0.000100");
            assertThat(t.latencyMs()).isEqualTo(12);
            assertThat(t.last()).isEqualTo(AT.plusSeconds(1));
        });

        aggregates.add(UsageAggregates.Totals.of(row("enhance", 5, "0.000001", 1), AT.plusSeconds(2)));
        aggregates.remove(taken.getFirst());
        assertThat(aggregates.requests()).isEqualTo(1);
        assertThat(aggregates.snapshot(10)).singleElement().satisfies(t -> {
            assertThat(t.tokensIn()).isEqualTo(5);
            assertThat(t.costUsd()).isEqualByComparingTo("0.000001");
        });
    }

    @Test
    void keysAreBoundedAndNoAnswerIsLostPastTheBound() {
        var aggregates = new UsageAggregates();
        int answers = UsageAggregates.MAX_KEYS + 500;
        for (int i = 0; i < answers; i++) {
            aggregates.add(UsageAggregates.Totals.of(row("task-" + i, 1, "0", 1), AT));
        }
        assertThat(aggregates.keys()).isEqualTo(UsageAggregates.MAX_KEYS + 1);
        assertThat(aggregates.requests()).isEqualTo(answers);
        var other = aggregates.snapshot(Integer.MAX_VALUE).stream()
                .filter(t -> t.key().task().equals(UsageAggregates.OTHER)).findFirst().orElseThrow();
        assertThat(other.requests()).isEqualTo(500);
        assertThat(other.key().outcome()).isEqualTo(UsageAggregates.OTHER);
        assertThat(other.key().model()).isNull();
    }

    @Test
    void sumsBeyondTheColumnsAreSplitIntoRowsThatAddUpExactly() {
        var key = UsageAggregates.Key.of(row("clips", 0, "0", 0));
        long requests = 5;
        long tokensIn = 3L * Integer.MAX_VALUE + 7;
        var cost = new BigDecimal("2500000.000005");
        var totals = new UsageAggregates.Totals(key, requests, tokensIn, 11, 0, cost, 4_000_000_000L, AT);

        var parts = totals.parts();

        assertThat(parts).hasSize(4);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.requests()).isPositive();
            assertThat(p.costUsd()).isLessThanOrEqualTo(UsageColumns.MAX_COST);
            assertThat(p.costUsd().scale()).isEqualTo(6);
            assertThat(p.key()).isEqualTo(key);
        });
        assertThat(parts.stream().mapToLong(UsageAggregates.Part::requests).sum()).isEqualTo(requests);
        assertThat(parts.stream().mapToLong(UsageAggregates.Part::tokensIn).sum()).isEqualTo(tokensIn);
        assertThat(parts.stream().mapToLong(UsageAggregates.Part::tokensOut).sum()).isEqualTo(11);
        assertThat(parts.stream().mapToLong(UsageAggregates.Part::latencyMs).sum()).isEqualTo(4_000_000_000L);
        assertThat(parts.stream().map(UsageAggregates.Part::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(cost);
    }

    @Test
    void valuesAreFittedToTheColumns() {
        var key = UsageAggregates.Key.of(new UsageRecorder.Row("t".repeat(100), Engine.OFFLINE, null, "v".repeat(80), -1, 0, 0,
                null, -5, null, true, null));
        assertThat(key.task()).hasSize(64);
        assertThat(key.promptVersion()).hasSize(64);
        assertThat(key.outcome()).isEqualTo("unknown");
        assertThat(key.engine()).isEqualTo("offline");
        assertThat(UsageColumns.cost(null)).isEqualByComparingTo("0");
        assertThat(UsageColumns.cost(new BigDecimal("5000000"))).isEqualTo(UsageColumns.MAX_COST);
        assertThat(UsageColumns.millis(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(UsageColumns.millis(-5)).isZero();
    }
}
