package io.shotcraft.ai;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers that found the buffer full, summed per key until the writer writes them as aggregate rows. Bounded:
 * keys are few (tasks, engines, models and prompt versions are the service's own); past {@link #MAX_KEYS}, answers
 * of a new key go to one catch-all key per engine and cached flag. Sums are taken from what was written only on
 * success, so an answer is in exactly one place: here, in the table, or counted as lost.
 */
final class UsageAggregates {

    static final int MAX_KEYS = 1_000;
    /** Task and outcome of the catch-all keys. */
    static final String OTHER = "_other";

    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger MAX_COST_MICROS = UsageColumns.MAX_COST.movePointRight(6).toBigIntegerExact();

    private final Map<Key, Totals> byKey = new HashMap<>();
    private long requests;

    /** What an aggregate row is keyed by: the columns it shares with every answer it stands for, as written. */
    record Key(String task, String engine, String model, String promptVersion, String outcome, boolean cached) {

        static Key of(UsageRecorder.Row row) {
            return new Key(UsageColumns.required(row.task(), 64), row.engine().wire(), UsageColumns.text(row.model(), 128),
                    UsageColumns.text(row.promptVersion(), 64), UsageColumns.required(row.outcome(), 32), row.cached());
        }

        Key other() {
            return new Key(OTHER, engine, null, null, OTHER, cached);
        }
    }

    /** Sums over {@code requests} answers of one key; {@code last} is the latest answer's time. */
    record Totals(Key key, long requests, long tokensIn, long tokensOut, long tokensEstimated, BigDecimal costUsd,
            long latencyMs, Instant last) {

        static Totals of(UsageRecorder.Row row, Instant at) {
            return new Totals(Key.of(row), 1, UsageColumns.count(row.tokensIn()), UsageColumns.count(row.tokensOut()),
                    UsageColumns.count(row.tokensEstimated()), UsageColumns.cost(row.costUsd()),
                    UsageColumns.millis(row.latencyMs()), at);
        }

        Totals plus(Totals other) {
            return new Totals(key, requests + other.requests, tokensIn + other.tokensIn, tokensOut + other.tokensOut,
                    tokensEstimated + other.tokensEstimated, costUsd.add(other.costUsd), latencyMs + other.latencyMs,
                    last.isAfter(other.last) ? last : other.last);
        }

        Totals minus(Totals other) {
            return new Totals(key, requests - other.requests, tokensIn - other.tokensIn, tokensOut - other.tokensOut,
                    tokensEstimated - other.tokensEstimated, costUsd.subtract(other.costUsd), latencyMs - other.latencyMs,
                    last);
        }

        Totals withKey(Key other) {
            return new Totals(other, requests, tokensIn, tokensOut, tokensEstimated, costUsd, latencyMs, last);
        }

        /**
         * As rows whose columns fit integer and numeric(12, 6): as few as the largest sum needs, the sums shared
         * out exactly, so the rows add up to these totals. Each part stands for at least one answer, since no
         * answer's values exceed a column's range.
         */
        List<Part> parts() {
            var micros = costUsd.movePointRight(6).toBigIntegerExact();
            long k = Math.max(1, ceilDiv(micros, MAX_COST_MICROS));
            for (long sum : new long[] {requests, tokensIn, tokensOut, tokensEstimated, latencyMs}) {
                k = Math.max(k, Math.ceilDiv(sum, Integer.MAX_VALUE));
            }
            var parts = new ArrayList<Part>((int) k);
            for (long i = 0; i < k; i++) {
                parts.add(new Part(key, share(requests, k, i), share(tokensIn, k, i), share(tokensOut, k, i),
                        share(tokensEstimated, k, i), new BigDecimal(share(micros, k, i), 6), share(latencyMs, k, i), last));
            }
            return parts;
        }

        private static int share(long sum, long parts, long index) {
            return (int) (sum / parts + (index < sum % parts ? 1 : 0));
        }

        private static BigInteger share(BigInteger sum, long parts, long index) {
            var split = sum.divideAndRemainder(BigInteger.valueOf(parts));
            return index < split[1].longValueExact() ? split[0].add(BigInteger.ONE) : split[0];
        }

        private static long ceilDiv(BigInteger sum, BigInteger max) {
            var split = sum.divideAndRemainder(max);
            return split[0].longValueExact() + (split[1].signum() > 0 ? 1 : 0);
        }
    }

    /** One aggregate row as written. */
    record Part(Key key, int requests, int tokensIn, int tokensOut, int tokensEstimated, BigDecimal costUsd, int latencyMs,
            Instant at) {
    }

    synchronized void add(Totals answer) {
        var key = byKey.containsKey(answer.key()) || byKey.size() < MAX_KEYS ? answer.key() : answer.key().other();
        byKey.merge(key, answer.withKey(key), Totals::plus);
        requests += answer.requests();
    }

    /** At most {@code max} keys' totals as they are now. */
    synchronized List<Totals> snapshot(int max) {
        return byKey.values().stream().limit(max).toList();
    }

    /** Takes out what was written (or lost): answers added since the snapshot stay. */
    synchronized void remove(Totals done) {
        byKey.computeIfPresent(done.key(), (key, totals) -> {
            var left = totals.minus(done);
            return left.requests() == 0 ? null : left;
        });
        requests -= done.requests();
    }

    /** Answers summed here and not yet written. */
    synchronized long requests() {
        return requests;
    }

    synchronized int keys() {
        return byKey.size();
    }
}
