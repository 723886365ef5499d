package io.shotcraft.ai;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One {@code ai_usage} row per AI answer. Written with the reactive pool directly and not awaited, so
 * accounting adds no latency to the answer and a database hiccup never fails it.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final String INSERT = "INSERT INTO ai_usage (task, engine, model, prompt_version, tokens_in, tokens_out, "
            + "tokens_estimated, cost_usd, latency_ms, outcome, cached, correlation_id) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

    private final Pool pool;

    public UsageRecorder(Pool pool) {
        this.pool = pool;
    }

    /** A row as recorded. */
    public record Row(String task, Engine engine, String model, String promptVersion, int tokensIn, int tokensOut,
            int tokensEstimated, BigDecimal costUsd, long latencyMs, String outcome, boolean cached, String correlationId) {
    }

    public void record(Row row) {
        var values = Tuple.tuple()
                .addString(row.task()).addString(row.engine().wire()).addString(row.model()).addString(row.promptVersion())
                .addInteger(row.tokensIn()).addInteger(row.tokensOut()).addInteger(row.tokensEstimated())
                .addValue(row.costUsd()).addInteger((int) Math.min(Integer.MAX_VALUE, row.latencyMs()))
                .addString(row.outcome()).addBoolean(row.cached()).addString(row.correlationId());
        pool.preparedQuery(INSERT).execute(values).subscribe().with(
                ignored -> {
                },
                e -> Log.warnf("Usage of %s (%s) not recorded: %s", row.task(), row.correlationId(), e.toString()));
    }
}
