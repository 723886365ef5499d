package io.shotcraft.jobs;

import static io.shotcraft.jobs.JobStatus.CANCELLED;
import static io.shotcraft.jobs.JobStatus.FAILED;
import static io.shotcraft.jobs.JobStatus.QUEUED;
import static io.shotcraft.jobs.JobStatus.RUNNING;
import static io.shotcraft.jobs.JobStatus.SUCCEEDED;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Job rows. Every state change is a conditional update on the current status, so a cancelled job is never
 * overwritten by its runner and a finished job never changes again.
 */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    private static final List<JobStatus> ACTIVE = List.of(QUEUED, RUNNING);

    /**
     * Starts attempt {@code seen + 1} of a queued job, or of a running one whose runner died; false when the job ended
     * or another runner started it meanwhile.
     */
    Uni<Boolean> markRunning(UUID id, int seen, OffsetDateTime at) {
        return update("status = :to, startedAt = :at, heartbeatAt = :at, attempts = attempts + 1, progress = 0, stage = null "
                + "where id = :id and status in :active and attempts = :seen",
                Parameters.with("to", RUNNING).and("at", at).and("id", id).and("active", ACTIVE).and("seen", seen))
                .map(n -> n == 1);
    }

    /** The runner of this attempt is alive; false when the job ended or a later attempt took it over. */
    Uni<Boolean> heartbeat(UUID id, int attempt, OffsetDateTime at) {
        return update("heartbeatAt = :at where id = :id and status = :from and attempts = :attempt",
                Parameters.with("at", at).and("id", id).and("from", RUNNING).and("attempt", attempt)).map(n -> n == 1);
    }

    /**
     * Gives a running job back to the queue as this instance stops: queued again with this attempt not counted, so
     * the next start is no retry; false when it ended or was taken over meanwhile.
     */
    Uni<Boolean> handBack(UUID id, int attempt, OffsetDateTime at) {
        return update("status = :to, attempts = attempts - 1, heartbeatAt = :at where id = :id and status = :from and attempts = :attempt",
                Parameters.with("to", QUEUED).and("at", at).and("id", id).and("from", RUNNING).and("attempt", attempt))
                .map(n -> n == 1);
    }

    /** Puts an active job whose queue entry was lost back in the queued state, as heard of now. */
    Uni<Boolean> requeue(UUID id, OffsetDateTime at) {
        return update("status = :to, heartbeatAt = :at where id = :id and status in :active",
                Parameters.with("to", QUEUED).and("at", at).and("id", id).and("active", ACTIVE)).map(n -> n == 1);
    }

    /** Active jobs whose runner has not been heard of since {@code before}: queued or running, and silent. */
    Uni<List<Job>> silentSince(OffsetDateTime before, int limit) {
        return find("status in :active and coalesce(heartbeatAt, startedAt, createdAt) < :before order by createdAt",
                Parameters.with("active", ACTIVE).and("before", before)).page(0, limit).list();
    }

    Uni<Boolean> progress(UUID id, int attempt, int progress, String stage) {
        return update("progress = :progress, stage = :stage where id = :id and status = :from and attempts = :attempt",
                Parameters.with("progress", progress).and("stage", stage).and("id", id).and("from", RUNNING)
                        .and("attempt", attempt))
                .map(n -> n == 1);
    }

    /** Records the result of this attempt; false when the job ended or a later attempt took it over. */
    Uni<Boolean> succeed(UUID id, int attempt, String result, OffsetDateTime at) {
        return update("status = :to, progress = 100, result = :result, finishedAt = :at "
                + "where id = :id and status = :from and attempts = :attempt",
                Parameters.with("to", SUCCEEDED).and("result", result).and("at", at).and("id", id).and("from", RUNNING)
                        .and("attempt", attempt))
                .map(n -> n == 1);
    }

    /** Records the failure of this attempt; false when the job ended or a later attempt took it over. */
    Uni<Boolean> fail(UUID id, int attempt, String error, OffsetDateTime at) {
        return update("status = :to, error = :error, finishedAt = :at where id = :id and status = :from and attempts = :attempt",
                Parameters.with("to", FAILED).and("error", error).and("at", at).and("id", id).and("from", RUNNING)
                        .and("attempt", attempt))
                .map(n -> n == 1);
    }

    /** Fails an active job whatever its attempt (its runner is gone, or it could not be run). */
    Uni<Boolean> fail(UUID id, String error, OffsetDateTime at) {
        return end(id, FAILED, error, at);
    }

    Uni<Boolean> cancel(UUID id, String error, OffsetDateTime at) {
        return end(id, CANCELLED, error, at);
    }

    private Uni<Boolean> end(UUID id, JobStatus to, String error, OffsetDateTime at) {
        return update("status = :to, error = :error, finishedAt = :at where id = :id and status in :active",
                Parameters.with("to", to).and("error", error).and("at", at).and("id", id).and("active", ACTIVE))
                .map(n -> n == 1);
    }
}
