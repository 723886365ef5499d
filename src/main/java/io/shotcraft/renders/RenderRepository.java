package io.shotcraft.renders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.shotcraft.platform.Uncancellable;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Render rows. As with jobs, every change of a running render is conditional on it still running, so a cancelled
 * render is never overwritten by its job, and a finished one never changes again.
 */
@ApplicationScoped
public class RenderRepository {

    private final Pool pool;

    public RenderRepository(Pool pool) {
        this.pool = pool;
    }

    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    public Uni<Render> find(UUID id) {
        return read(() -> Render.<Render> findById(id));
    }

    /**
     * Records a render as running, or as running again when its job is started again (its runner stopped: the
     * earlier attempt's state is cleared, its creation time kept); false when the render has already ended. Through the
     * SQL client: Hibernate has no upsert.
     */
    Uni<Boolean> start(Render render) {
        return Uncancellable.of(() -> pool.preparedQuery("""
                insert into render (id, backend, model, status, inputs, preview, created_at, started_at)
                values ($1, $2, $3, 'running', $4, false, $5, $5)
                on conflict (id) do update set backend = excluded.backend, model = excluded.model, backend_id = null,
                    backend_status = null, progress = null, outputs = null, warnings = null, error = null, cost_usd = null,
                    finished_at = null, backend_ms = null, started_at = excluded.started_at
                where render.status = 'running'""")
                .execute(Tuple.of(render.id, render.backend, render.model, new JsonObject(render.inputs), render.startedAt))
                .map(rows -> rows.rowCount() > 0));
    }

    Uni<Boolean> accepted(UUID id, String backendId) {
        return running(id, "backendId = :backendId", Parameters.with("backendId", backendId));
    }

    Uni<Boolean> progress(UUID id, String backendStatus, Integer percent) {
        return running(id, "backendStatus = :status, progress = :percent",
                Parameters.with("status", backendStatus).and("percent", percent));
    }

    Uni<Boolean> succeed(UUID id, String model, boolean preview, String outputs, String warnings, BigDecimal cost,
            OffsetDateTime at, long backendMs) {
        return running(id, "status = 'succeeded', model = :model, preview = :preview, outputs = :outputs, warnings = :warnings, "
                + "costUsd = :cost, finishedAt = :at, backendMs = :ms",
                Parameters.with("model", model).and("preview", preview).and("outputs", outputs).and("warnings", warnings)
                        .and("cost", cost).and("at", at).and("ms", backendMs));
    }

    Uni<Boolean> fail(UUID id, String error, OffsetDateTime at, long backendMs) {
        return running(id, "status = 'failed', error = :error, finishedAt = :at, backendMs = :ms",
                Parameters.with("error", error).and("at", at).and("ms", backendMs));
    }

    /** Marks a running render cancelled; false when it had already ended. */
    Uni<Boolean> cancel(UUID id, String error, OffsetDateTime at) {
        return running(id, "status = 'cancelled', error = :error, finishedAt = :at",
                Parameters.with("error", error).and("at", at));
    }

    /** Most recent first, after the (createdAt, id) cursor when one is given, of one backend and status when given. */
    Uni<List<Render>> page(int limit, OffsetDateTime beforeCreated, UUID beforeId, String backend, String status) {
        var where = new StringBuilder("1 = 1");
        var parameters = new Parameters();
        if (beforeCreated != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", beforeCreated).and("id", beforeId);
        }
        if (backend != null) {
            where.append(" and backend = :backend");
            parameters.and("backend", backend);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        return read(() -> Render.<Render> find(where + " order by createdAt desc, id desc", parameters).page(0, limit).list());
    }

    private static Uni<Boolean> running(UUID id, String set, Parameters parameters) {
        return write(() -> Render.update(set + " where id = :id and status = :running",
                parameters.and("id", id).and("running", RUNNING)).map(updated -> updated > 0));
    }

    private static <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Uncancellable.of(() -> Panache.withSession(work));
    }

    private static <T> Uni<T> write(Supplier<Uni<T>> work) {
        return Uncancellable.of(() -> Panache.withTransaction(work));
    }
}
