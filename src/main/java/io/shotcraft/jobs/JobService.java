package io.shotcraft.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Uncancellable;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Accepts jobs, runs them on this pod and keeps their state in PostgreSQL and their events in Redis, so any
 * pod can answer for any job.
 */
@ApplicationScoped
public class JobService {

    private final JobRepository repository;
    private final JobEvents events;
    private final JobMetrics metrics;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final JobInputs inputs;
    private final JobsConfig config;
    private final Map<String, JobKind<?>> kinds = new ConcurrentHashMap<>();
    private final Map<UUID, Cancellable> running = new ConcurrentHashMap<>();

    public JobService(JobRepository repository, JobEvents events, JobMetrics metrics, ObjectMapper json, Vertx vertx,
            JobInputs inputs, JobsConfig config, Instance<JobKind<?>> kinds) {
        this.repository = repository;
        this.config = config;
        this.inputs = inputs;
        this.events = events;
        this.metrics = metrics;
        this.json = json;
        this.vertx = vertx;
        kinds.forEach(kind -> this.kinds.put(kind.name(), kind));
    }

    /**
     * Reads and checks the input ({@code {"kind", "input"}} bodies: fields named {@code input.…}) as the kind's record,
     * records the job, then starts it; the item is the job as queued.
     */
    public Uni<Job> submit(String kindName, JsonNode input) {
        var kind = kinds.get(kindName);
        if (kind == null) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "Unknown job kind '" + kindName + "'")
                    .withErrors(java.util.List.of(new Problem.FieldError("kind", "unknown job kind"))));
        }
        inputs.read(kind, input);
        return record(kind, input);
    }

    /** A job of a kind whose input is a feature endpoint's whole body, already its record: fields named as in the body. */
    public <I> Uni<Job> submit(JobKind<I> kind, I input) {
        JsonNode tree = json.valueToTree(input);
        inputs.read(kind, tree, "");
        return record(kind, tree);
    }

    private Uni<Job> record(JobKind<?> kind, JsonNode input) {
        var job = new Job();
        job.id = UUID.randomUUID();
        job.kind = kind.name();
        job.status = JobStatus.QUEUED;
        job.input = input.toString();
        job.createdAt = now();
        // Accepted only when its events can be stored: otherwise 503 now, rather than a job that runs and is lost.
        return events.ready()
                .chain(() -> guarded(() -> Panache.withTransaction(() -> repository.persist(job))))
                .invoke(saved -> start(saved.id, kind, input));
    }


    public Uni<Job> find(UUID id) {
        return guarded(() -> Panache.withSession(() -> repository.findById(id)));
    }

    /** Cancels a queued or running job; null item when there is no such job, 409 when it has already ended. */
    public Uni<Job> cancel(UUID id) {
        var problem = Problem.of(ProblemType.JOB_CANCELLED, "The job was cancelled at the client's request");
        var error = write(problem);
        return find(id).onItem().ifNotNull().transformToUni(job -> {
            if (job.status.terminal()) {
                throw new ProblemException(ProblemType.CONFLICT, "Job " + id + " has already ended (" + job.status.wire() + ")");
            }
            var local = running.remove(id);
            if (local != null) {
                local.cancel();
            }
            return guarded(() -> Panache.withTransaction(() -> repository.cancel(id, error, now())))
                    .chain(changed -> {
                        if (!changed) {
                            throw new ProblemException(ProblemType.CONFLICT, "Job " + id + " ended before it could be cancelled");
                        }
                        metrics.finished(job.kind, JobStatus.CANCELLED, elapsed(job));
                        return events.append(id, JobEvent.FAILED, error);
                    })
                    .chain(() -> find(id));
        });
    }

    private void start(UUID id, JobKind<?> kind, JsonNode input) {
        // Each job gets its own duplicated context, flagged safe for Hibernate Reactive's sessions.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        context.runOnContext(ignored -> {
            // Every log line of the job carries its id (the MDC lives in the job's own Vert.x context).
            MDC.put("job_id", id.toString());
            var execution = execute(id, kind, input, onContext).subscribe().with(
                    done -> running.remove(id),
                    failure -> {
                        running.remove(id);
                        Log.errorf(failure, "Job %s (%s) could not record its outcome", id, kind.name());
                    });
            running.put(id, execution);
        });
    }

    private <I> Uni<Void> execute(UUID id, JobKind<I> kind, JsonNode input, Executor onContext) {
        var startedAt = now();
        var context = new RunningJob(id, onContext);
        return onContext(onContext, () -> Panache.withTransaction(() -> repository.markRunning(id, startedAt)))
                .chain(started -> {
                    if (!started) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.started(kind.name());
                    Log.debugf("Job %s (%s) started", id, kind.name());
                    long heartbeat = vertx.setPeriodic(config.heartbeatInterval().toMillis(), timer -> heartbeat(id, onContext));
                    // Read and checked again: a stored input may come from an older release.
                    return Uni.createFrom().deferred(() -> kind.run(inputs.read(kind, input), context))
                            .onItem().transformToUni(result -> succeed(id, kind, result, startedAt, onContext))
                            .onFailure().recoverWithUni(failure -> fail(id, kind, failure, startedAt, onContext))
                            .onTermination().invoke(() -> {
                                vertx.cancelTimer(heartbeat);
                                metrics.stopped();
                            });
                });
    }

    private Uni<Void> succeed(UUID id, JobKind<?> kind, Object result, OffsetDateTime startedAt, Executor onContext) {
        var resultJson = write(result);
        return outcome(onContext, () -> repository.succeed(id, resultJson, now()))
                .chain(changed -> {
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.finished(kind.name(), JobStatus.SUCCEEDED, Duration.between(startedAt, now()));
                    var completed = "{\"job_id\":\"" + id + "\",\"status\":\"succeeded\",\"result\":" + resultJson + "}";
                    return events.append(id, JobEvent.COMPLETED, completed).replaceWithVoid();
                });
    }

    private Uni<Void> fail(UUID id, JobKind<?> kind, Throwable failure, OffsetDateTime startedAt, Executor onContext) {
        if (failure instanceof JobCancelledException) {
            return Uni.createFrom().voidItem();
        }
        Problem problem;
        if (failure instanceof ProblemException p) {
            problem = p.problem();
        } else if (ProblemMappers.isUnavailable(failure)) {
            problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A backing service was unavailable while the job ran");
        } else {
            problem = Problem.of(ProblemType.JOB_FAILED, "The job failed unexpectedly");
        }
        Log.warnf(failure, "Job %s (%s) failed", id, kind.name());
        var error = write(problem.withInstance("/api/v1/jobs/" + id));
        return outcome(onContext, () -> repository.fail(id, error, now()))
                .chain(changed -> {
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.finished(kind.name(), JobStatus.FAILED, Duration.between(startedAt, now()));
                    return events.append(id, JobEvent.FAILED, error).replaceWithVoid();
                });
    }

    /** The reporter handed to a running job: each call goes back to the job's own Vert.x context. */
    private final class RunningJob implements JobContext {
        private final UUID id;
        private final Executor onContext;

        RunningJob(UUID id, Executor onContext) {
            this.id = id;
            this.onContext = onContext;
        }

        @Override
        public UUID jobId() {
            return id;
        }

        @Override
        public Uni<Void> progress(int percent, String stage, String step) {
            int bounded = Math.max(0, Math.min(100, percent));
            return onContext(onContext, () -> Panache.withTransaction(() -> repository.progress(id, bounded, stage)))
                    .chain(stillRunning -> {
                        if (!stillRunning) {
                            throw new JobCancelledException(id);
                        }
                        var data = json.createObjectNode().put("progress", bounded).put("stage", stage);
                        if (step != null) {
                            data.put("step", step);
                        }
                        return events.append(id, JobEvent.PROGRESS, data.toString());
                    })
                    .replaceWithVoid();
        }

        @Override
        public Uni<Void> emit(String event, Object data) {
            if (JobEvent.COMPLETED.equals(event) || JobEvent.FAILED.equals(event)) {
                throw new IllegalArgumentException("'" + event + "' is published by the job service itself");
            }
            return onContext(onContext, () -> events.append(id, event, write(data))).replaceWithVoid();
        }
    }

    /** The runner is alive: written while the job runs, so that a job whose runner is gone is found and failed. */
    private void heartbeat(UUID id, Executor onContext) {
        onContext(onContext, () -> Panache.withTransaction(() -> repository.heartbeat(id, now())))
                .subscribe().with(beat -> {
                }, failure -> Log.debugf("Job %s: heartbeat not written (%s)", id, failure.toString()));
    }

    /**
     * Records a job's outcome, trying again while PostgreSQL is unavailable (for as long as the job would take to be
     * declared lost), so an outage at the end of a job does not leave it running forever.
     */
    private Uni<Boolean> outcome(Executor onContext, Supplier<Uni<Boolean>> write) {
        return onContext(onContext, () -> Panache.withTransaction(write))
                .onFailure(ProblemMappers::isUnavailable).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).expireIn(config.lostAfter().toMillis());
    }

    /** Whether this instance runs the job now. */
    boolean runsHere(UUID id) {
        return running.containsKey(id);
    }

    /**
     * Fails a job whose runner is gone (no heartbeat for {@code lost-after}), with the reason, and ends its stream;
     * false when it had ended meanwhile (another instance's sweeper, or its runner after all).
     */
    Uni<Boolean> lose(Job job) {
        var problem = Problem.of(ProblemType.JOB_FAILED, "The job's runner stopped reporting for over "
                + config.lostAfter().toSeconds() + " s (a restart, a crash or an outage of its store); the job did not finish")
                .withInstance("/api/v1/jobs/" + job.id);
        var error = write(problem);
        return Panache.withTransaction(() -> repository.fail(job.id, error, now())).chain(changed -> {
            if (!changed) {
                return Uni.createFrom().item(false);
            }
            Log.warnf("Job %s (%s) lost its runner; failed", job.id, job.kind);
            metrics.finished(job.kind, JobStatus.FAILED, elapsed(job));
            return events.append(job.id, JobEvent.FAILED, error).replaceWith(true)
                    .onFailure().recoverWithItem(true);
        });
    }

    private static <T> Uni<T> onContext(Executor onContext, Supplier<Uni<? extends T>> operation) {
        return Uni.createFrom().<T> deferred(operation).runSubscriptionOn(onContext);
    }

    /**
     * Maps connection failures of PostgreSQL to 503, so callers never see a raw driver error; runs to its end when the
     * client disconnects.
     */
    private static <T> Uni<T> guarded(Supplier<Uni<? extends T>> operation) {
        Function<Throwable, Throwable> translate = e -> ProblemMappers.isUnavailable(e) && !(e instanceof ProblemException)
                ? ProblemException.unavailable("PostgreSQL is unavailable")
                : e;
        return Uncancellable.of(() -> Uni.createFrom().<T> deferred(operation).onFailure().transform(translate));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job result could not be serialised as JSON", e);
        }
    }

    private static Duration elapsed(Job job) {
        return job.startedAt == null ? Duration.ZERO : Duration.between(job.startedAt, now());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
