package io.shotcraft.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

/**
 * The {@code ai_usage} rows of one INSERT, one array per column, which PostgreSQL unnests: one statement, parsed
 * once and committed once, writes the whole batch whatever its size. Values are fitted to the column types here
 * (lengths, numeric(12, 6), integer), so a batch is never refused for one odd value.
 */
final class UsageColumns {

    static final String INSERT = "INSERT INTO ai_usage (task, engine, model, prompt_version, tokens_in, tokens_out, "
            + "tokens_estimated, cost_usd, latency_ms, outcome, cached, correlation_id, requests, created_at) "
            + "SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::int[], $6::int[], "
            + "$7::int[], $8::numeric[], $9::int[], $10::varchar[], $11::boolean[], $12::varchar[], $13::int[], "
            + "$14::timestamptz[])";

    /** The largest numeric(12, 6). */
    static final BigDecimal MAX_COST = new BigDecimal("999999.999999");

    private final String[] task;
    private final String[] engine;
    private final String[] model;
    private final String[] promptVersion;
    private final Integer[] tokensIn;
    private final Integer[] tokensOut;
    private final Integer[] tokensEstimated;
    private final Numeric[] costUsd;
    private final Integer[] latencyMs;
    private final String[] outcome;
    private final Boolean[] cached;
    private final String[] correlationId;
    private final Integer[] requests;
    private final OffsetDateTime[] createdAt;
    private int size;

    private UsageColumns(int rows) {
        task = new String[rows];
        engine = new String[rows];
        model = new String[rows];
        promptVersion = new String[rows];
        tokensIn = new Integer[rows];
        tokensOut = new Integer[rows];
        tokensEstimated = new Integer[rows];
        costUsd = new Numeric[rows];
        latencyMs = new Integer[rows];
        outcome = new String[rows];
        cached = new Boolean[rows];
        correlationId = new String[rows];
        requests = new Integer[rows];
        createdAt = new OffsetDateTime[rows];
    }

    /** The parameters of {@link #INSERT} for these answers' own rows and these aggregate rows. */
    static Tuple tuple(List<UsageRecorder.Entry> rows, List<UsageAggregates.Part> aggregates) {
        var columns = new UsageColumns(rows.size() + aggregates.size());
        rows.forEach(columns::add);
        aggregates.forEach(columns::add);
        return Tuple.tuple(List.of(columns.task, columns.engine, columns.model, columns.promptVersion, columns.tokensIn,
                columns.tokensOut, columns.tokensEstimated, columns.costUsd, columns.latencyMs, columns.outcome,
                columns.cached, columns.correlationId, columns.requests, columns.createdAt));
    }

    private void add(UsageRecorder.Entry entry) {
        var row = entry.row();
        var key = UsageAggregates.Key.of(row);
        put(key, count(row.tokensIn()), count(row.tokensOut()), count(row.tokensEstimated()), cost(row.costUsd()),
                millis(row.latencyMs()), text(row.correlationId(), 128), 1, entry.at());
    }

    private void add(UsageAggregates.Part part) {
        put(part.key(), part.tokensIn(), part.tokensOut(), part.tokensEstimated(), part.costUsd(), part.latencyMs(), null,
                part.requests(), part.at());
    }

    private void put(UsageAggregates.Key key, int in, int out, int estimated, BigDecimal cost, int latency,
            String correlation, int answers, Instant at) {
        task[size] = key.task();
        engine[size] = key.engine();
        model[size] = key.model();
        promptVersion[size] = key.promptVersion();
        tokensIn[size] = in;
        tokensOut[size] = out;
        tokensEstimated[size] = estimated;
        costUsd[size] = Numeric.create(cost);
        latencyMs[size] = latency;
        outcome[size] = key.outcome();
        cached[size] = key.cached();
        correlationId[size] = correlation;
        requests[size] = answers;
        createdAt[size] = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        size++;
    }

    /** A text column's value: at most {@code max} characters. */
    static String text(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** A NOT NULL text column's value. */
    static String required(String value, int max) {
        return value == null || value.isEmpty() ? "unknown" : text(value, max);
    }

    static int count(int tokens) {
        return Math.max(0, tokens);
    }

    static int millis(long latency) {
        return (int) Math.clamp(latency, 0, Integer.MAX_VALUE);
    }

    /** numeric(12, 6): rounded as PostgreSQL would, within its range. */
    static BigDecimal cost(BigDecimal usd) {
        if (usd == null || usd.signum() <= 0) {
            return BigDecimal.ZERO.setScale(6);
        }
        return usd.setScale(6, RoundingMode.HALF_UP).min(MAX_COST);
    }
}
