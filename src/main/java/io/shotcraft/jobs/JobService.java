package io.shotcraft.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Uncancellable;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Accepts jobs onto the queue all instances share ({@link JobQueue}), runs the ones this instance takes, and keeps
 * their state in PostgreSQL and their events in Redis, so any instance can answer for any job. A job is started again
 * when its runner dies (another instance takes its queue entry over), up to {@code queue.max-attempts} times; the
 * attempt number fences a runner that was taken over, so a job never completes twice.
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
    private final JobQueue queue;
    private final Map<String, JobKind<?>> kinds = new ConcurrentHashMap<>();
    private final Map<UUID, Cancellable> running = new ConcurrentHashMap<>();
    /** The attempt and queue entry of each job running here, to hand it back at shutdown. */
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

    private record Run(int attempt, JobQueue.Delivery delivery, AtomicBoolean finishing) {
    }

    public JobService(JobRepository repository, JobEvents events, JobMetrics metrics, ObjectMapper json, Vertx vertx,
            JobInputs inputs, JobsConfig config, JobQueue queue, Instance<JobKind<?>> kinds) {
        this.repository = repository;
        this.queue = queue;
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
        // Accepted only once it is safely queued: otherwise 503 now, rather than a job that never runs.
        return queue.ready()
                .chain(() -> guarded(() -> Panache.withTransaction(() -> repository.persist(job)))
                        .onFailure().invoke(refused -> withdrawLater(job.id)))
                .call(saved -> queue.enqueue(saved.id).onFailure().call(refused -> withdraw(saved.id)));
    }

    /** Background withdrawals of refused jobs whose row may exist after all; at most this many at once. */
    private static final int MAX_WITHDRAWALS = 1000;
    private final java.util.concurrent.atomic.AtomicInteger withdrawals = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A refused job whose insert failed may still have been committed (PostgreSQL went away between the commit and
     * its acknowledgement): the client was told 503, so the row must not stay for the sweeper to run. It is deleted
     * as soon as PostgreSQL answers again (retried for about a minute), before the sweeper would take it up.
     */
    private void withdrawLater(UUID id) {
        if (withdrawals.incrementAndGet() > MAX_WITHDRAWALS) {
            withdrawals.decrementAndGet();
            Log.debugf("Job %s: too many withdrawals pending; a committed row of it would be run by the sweeper", id);
            return;
        }
        db(() -> Panache.withTransaction(() -> repository.deleteById(id)))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(40)
                .onTermination().invoke(() -> withdrawals.decrementAndGet())
                .subscribe().with(
                        deleted -> {
                            if (Boolean.TRUE.equals(deleted)) {
                                Log.infof("Job %s: its refused submission had been stored after all; withdrawn", id);
                            }
                        },
                        e -> Log.warnf("Job %s: a refused submission could not be withdrawn (%s)", id, e.toString()));
    }

    /** Removes a job that could not be queued; if even that fails, the sweeper queues it later. */
    private Uni<Void> withdraw(UUID id) {
        return guarded(() -> Panache.withTransaction(() -> repository.deleteById(id))).replaceWithVoid()
                .onFailure().invoke(e -> Log.debugf("Job %s: not withdrawn after the queue refused it (%s)", id, e.toString()))
                .onFailure().recoverWithNull();
    }

    void startWorkers(@Observes StartupEvent started) {
        queue.consume(this::dispatch);
    }

    /**
     * Stops taking jobs, lets the running ones end within {@code grace}, then hands back those still running: queued
     * again (the attempt not counted) with their entries free for another instance to take at once.
     */
    Uni<Void> drain(Duration grace) {
        queue.stop();
        long deadline = System.nanoTime() + grace.toNanos();
        return Uni.createFrom().item(() -> runs.isEmpty() || System.nanoTime() >= deadline)
                .repeat().withDelay(Duration.ofMillis(100)).until(over -> over)
                .collect().last()
                .chain(() -> {
                    var left = new java.util.ArrayList<>(runs.entrySet());
                    if (!left.isEmpty()) {
                        Log.infof("Shutting down: handing %d running job(s) back to the queue", left.size());
                    }
                    return Multi.createFrom().iterable(left)
                            .onItem().transformToUniAndMerge(entry -> handBack(entry.getKey(), entry.getValue()))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> handBack(UUID id, Run run) {
        stopHere(id);
        return db(() -> Panache.withTransaction(() -> repository.handBack(id, run.attempt(), now())))
                .chain(given -> given ? queue.release(run.delivery()) : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> Log.warnf("Job %s not handed back (%s); another instance takes it over after claim-after",
                        id, e.toString()))
                .onFailure().recoverWithNull();
    }

    void stopWorkers(@Observes ShutdownEvent stopping) {
        queue.stop();
    }

    public Uni<Job> find(UUID id) {
        return guarded(() -> Panache.withSession(() -> repository.findById(id)));
    }

    /**
     * Cancels a queued or running job; null item when there is no such job, 409 when it has already ended. A job
     * running on another instance stops at its next progress report or heartbeat.
     */
    public Uni<Job> cancel(UUID id) {
        var problem = Problem.of(ProblemType.JOB_CANCELLED, "The job was cancelled at the client's request");
        var error = write(problem);
        return find(id).onItem().ifNotNull().transformToUni(job -> {
            if (job.status.terminal()) {
                throw new ProblemException(ProblemType.CONFLICT, "Job " + id + " has already ended (" + job.status.wire() + ")");
            }
            return guarded(() -> Panache.withTransaction(() -> repository.cancel(id, error, now())))
                    .chain(changed -> {
                        if (!changed) {
                            throw new ProblemException(ProblemType.CONFLICT, "Job " + id + " ended before it could be cancelled");
                        }
                        stopHere(id);
                        metrics.finished(job.kind, JobStatus.CANCELLED, elapsed(job));
                        return events.append(id, JobEvent.FAILED, error);
                    })
                    .chain(() -> find(id));
        });
    }

    /** Stops this instance's run of a job (cancelled, or taken over by another instance). */
    private void stopHere(UUID id) {
        var local = running.remove(id);
        if (local != null) {
            local.cancel();
        }
    }

    /**
     * Runs a job the queue handed to this instance, each on its own duplicated context (flagged safe for Hibernate
     * Reactive's sessions), and gives its slot back when it ends; its entry is acknowledged once the job has ended for
     * good (not when this run was taken over, or its outcome could not be recorded: it is run again).
     */
    private void dispatch(JobQueue.Delivery delivery) {
        var id = delivery.jobId();
        if (running.containsKey(id)) {
            // Its own entry, handed back after a touch went missing: the job is still running here.
            queue.done(delivery, false);
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        context.runOnContext(ignored -> {
            // Every log line of the job carries its id (the MDC lives in the job's own Vert.x context).
            MDC.put("job_id", id.toString());
            var ended = new AtomicBoolean();
            // From delivery on, the entry is kept fresh: a job slow to start is not taken over while alive.
            long heartbeat = vertx.setPeriodic(config.heartbeatInterval().toMillis(), timer -> heartbeat(id, delivery));
            var execution = db(() -> Panache.withSession(() -> repository.findById(id)))
                    .chain(job -> take(job, delivery, onContext))
                    .onTermination().call((acknowledge, failure, cancelled) -> {
                        ended.set(true);
                        vertx.cancelTimer(heartbeat);
                        running.remove(id);
                        if (failure != null && ProblemMappers.isUnavailable(failure)) {
                            Log.warnf("Job %s: its store was unavailable before its end was recorded (%s); it runs again once taken over",
                                    id, failure.toString());
                        } else if (failure != null) {
                            Log.errorf(failure, "Job %s: its end could not be recorded; it runs again once taken over", id);
                        }
                        if (!cancelled) {
                            queue.done(delivery, Boolean.TRUE.equals(acknowledge));
                            return Uni.createFrom().voidItem();
                        }
                        // Stopped here (cancelled, or taken over): its entry goes only if the job has ended for good.
                        settle(id).subscribe().with(over -> queue.done(delivery, over), e -> queue.done(delivery, false));
                        return Uni.createFrom().voidItem();
                    })
                    .subscribe().with(done -> {
                    }, failure -> {
                    });
            running.put(id, execution);
            if (ended.get()) {
                running.remove(id, execution);
            }
        });
    }

    /** Starts the next attempt of a delivered job; the item says whether its queue entry is done with. */
    private Uni<Boolean> take(Job job, JobQueue.Delivery delivery, Executor onContext) {
        if (job == null || job.status.terminal()) {
            return Uni.createFrom().item(true);
        }
        var kind = kinds.get(job.kind);
        if (kind == null) {
            return failOnce(job, "This release cannot run jobs of kind '" + job.kind + "'");
        }
        if (job.attempts >= config.queue().maxAttempts()) {
            return failOnce(job, "The job was started " + job.attempts + " times and its runner stopped each time (a crash, "
                    + "a restart or an outage of its store); it is not started again");
        }
        var startedAt = now();
        return db(() -> Panache.withTransaction(() -> repository.markRunning(job.id, job.attempts, startedAt)))
                .chain(started -> started
                        ? execute(job, kind, job.attempts + 1, delivery, startedAt, onContext)
                        : settle(job.id));
    }

    private <I> Uni<Boolean> execute(Job job, JobKind<I> kind, int attempt, JobQueue.Delivery delivery, OffsetDateTime startedAt,
            Executor onContext) {
        var id = job.id;
        metrics.started(kind.name());
        Log.debugf("Job %s (%s) started, attempt %d", id, kind.name(), attempt);
        var context = new RunningJob(id, attempt, onContext);
        var finishing = new AtomicBoolean();
        runs.put(id, new Run(attempt, delivery, finishing));
        // A job started before (its runner died, or its instance handed it back as it stopped) starts over.
        Uni<Void> announce = job.startedAt == null ? Uni.createFrom().voidItem()
                : publish(id, JobEvent.RESTARTED, json.createObjectNode().put("attempt", attempt)
                        .put("max_attempts", config.queue().maxAttempts())
                        .put("reason", "its previous run stopped before the job ended (its instance stopped or failed)").toString());
        // Read and checked again: a stored input may come from an older release.
        return announce.chain(() -> onContext(onContext, () -> kind.run(inputs.read(kind, readTree(job.input)), context)))
                .onTermination().invoke(() -> finishing.set(true))
                .onItem().transformToUni(result -> succeed(id, attempt, kind, result, startedAt))
                .onFailure().recoverWithUni(failure -> fail(id, attempt, kind, failure, startedAt))
                .chain(ended -> ended ? Uni.createFrom().item(true) : settle(id))
                .onTermination().invoke(() -> {
                    runs.remove(id);
                    metrics.stopped();
                });
    }

    /** Whether a job has ended for good (or is gone): then its queue entry can go. */
    private Uni<Boolean> settle(UUID id) {
        return db(() -> Panache.withSession(() -> repository.findById(id)))
                .map(job -> job == null || job.status.terminal());
    }

    private Uni<Boolean> failOnce(Job job, String reason) {
        var error = write(Problem.of(ProblemType.JOB_FAILED, reason).withInstance("/api/v1/jobs/" + job.id));
        Log.warnf("Job %s (%s) not run: %s", job.id, job.kind, reason);
        return outcome(() -> repository.fail(job.id, error, now()))
                .call(changed -> changed ? publish(job.id, JobEvent.FAILED, error) : Uni.createFrom().voidItem())
                .replaceWith(true);
    }

    /** Records the result; false when this attempt no longer owns the job (cancelled, or taken over). */
    private Uni<Boolean> succeed(UUID id, int attempt, JobKind<?> kind, Object result, OffsetDateTime startedAt) {
        var resultJson = write(result);
        return outcome(() -> repository.succeed(id, attempt, resultJson, now()))
                .call(changed -> {
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.finished(kind.name(), JobStatus.SUCCEEDED, Duration.between(startedAt, now()));
                    var completed = "{\"job_id\":\"" + id + "\",\"status\":\"succeeded\",\"result\":" + resultJson + "}";
                    return publish(id, JobEvent.COMPLETED, completed);
                });
    }

    private Uni<Boolean> fail(UUID id, int attempt, JobKind<?> kind, Throwable failure, OffsetDateTime startedAt) {
        if (failure instanceof JobCancelledException) {
            return Uni.createFrom().item(false);
        }
        Problem problem;
        if (failure instanceof ProblemException p) {
            problem = p.problem();
        } else if (ProblemMappers.isUnavailable(failure)) {
            problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A backing service was unavailable while the job ran");
        } else {
            problem = Problem.of(ProblemType.JOB_FAILED, "The job failed unexpectedly");
        }
        // The problem's type and status only: its detail and the failure's message may quote a backend's answer, which
        // can echo the user's prompt (user content stays at DEBUG).
        Log.warnf("Job %s (%s) failed: %s %d", id, kind.name(), problem.type(), problem.status());
        Log.debugf(failure, "Job %s (%s) failed: %s", id, kind.name(), problem.detail());
        var error = write(problem.withInstance("/api/v1/jobs/" + id));
        return outcome(() -> repository.fail(id, attempt, error, now()))
                .call(changed -> {
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.finished(kind.name(), JobStatus.FAILED, Duration.between(startedAt, now()));
                    return publish(id, JobEvent.FAILED, error);
                });
    }

    /**
     * Publishes an event the job's record already holds; when Redis fails here, streams end with the outcome read from
     * the record instead.
     */
    private Uni<Void> publish(UUID id, String name, String data) {
        return events.append(id, name, data).replaceWithVoid()
                .onFailure().invoke(e -> Log.debugf("Job %s: '%s' event not published (%s)", id, name, e.toString()))
                .onFailure().recoverWithNull();
    }

    /**
     * The reporter handed to a running job: its database writes run on contexts of their own ({@link #db}), and each
     * call completes on the job's own Vert.x context.
     */
    private final class RunningJob implements JobContext {
        private final UUID id;
        private final int attempt;
        private final Executor onContext;

        RunningJob(UUID id, int attempt, Executor onContext) {
            this.id = id;
            this.attempt = attempt;
            this.onContext = onContext;
        }

        @Override
        public UUID jobId() {
            return id;
        }

        @Override
        public Uni<Void> progress(int percent, String stage, String step) {
            int bounded = Math.max(0, Math.min(100, percent));
            return db(() -> Panache.withTransaction(() -> repository.progress(id, attempt, bounded, stage)))
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
                    .replaceWithVoid()
                    .emitOn(onContext);
        }

        @Override
        public Uni<Void> emit(String event, Object data) {
            if (JobEvent.COMPLETED.equals(event) || JobEvent.FAILED.equals(event)) {
                throw new IllegalArgumentException("'" + event + "' is published by the job service itself");
            }
            return onContext(onContext, () -> events.append(id, event, write(data))).replaceWithVoid().emitOn(onContext);
        }
    }

    /**
     * The runner is alive: written while the job runs, so that a job whose runner is gone is found; its queue entry is
     * touched so that no other instance takes it over. A job that ended meanwhile (cancelled on another instance) or was
     * taken over stops here.
     */
    private void heartbeat(UUID id, JobQueue.Delivery delivery) {
        queue.touch(delivery).subscribe().with(ok -> {
        }, failure -> Log.debugf("Job %s: queue entry not touched (%s)", id, failure.toString()));
        var run = runs.get(id);
        if (run == null) {
            return;
        }
        db(() -> Panache.withTransaction(() -> repository.heartbeat(id, run.attempt(), now())))
                .subscribe().with(alive -> {
                    // A run writing its outcome finds the job ended by itself: nothing to stop.
                    if (!alive && !run.finishing().get()) {
                        Log.infof("Job %s ended elsewhere (cancelled, or taken over by another instance); its run here stops", id);
                        stopHere(id);
                    }
                }, failure -> Log.debugf("Job %s: heartbeat not written (%s)", id, failure.toString()));
    }

    /**
     * Records a job's outcome, trying again while PostgreSQL is unavailable (for as long as the job would take to be
     * declared lost), so an outage at the end of a job does not leave it running forever.
     */
    private Uni<Boolean> outcome(Supplier<Uni<Boolean>> write) {
        return db(() -> Panache.withTransaction(write))
                .onFailure(ProblemMappers::isUnavailable).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).expireIn(config.lostAfter().toMillis());
    }

    /** Whether this instance runs the job now. */
    boolean runsHere(UUID id) {
        return running.containsKey(id);
    }

    /**
     * Deals with an active job whose runner is gone and whose queue entry is lost too (Redis lost it): queued again,
     * or failed with the reason once it was started {@code max-attempts} times; false when it had ended meanwhile.
     */
    Uni<Boolean> recover(Job job) {
        if (job.attempts < config.queue().maxAttempts()) {
            return Panache.withTransaction(() -> repository.requeue(job.id, now())).call(changed -> {
                if (!changed) {
                    return Uni.createFrom().voidItem();
                }
                Log.warnf("Job %s (%s) lost its queue entry; queued again", job.id, job.kind);
                return queue.enqueue(job.id);
            });
        }
        return lose(job);
    }

    /**
     * Fails a job whose runner is gone (no heartbeat for {@code lost-after}), with the reason, and ends its stream;
     * false when it had ended meanwhile (another instance's sweeper, or its runner after all).
     */
    Uni<Boolean> lose(Job job) {
        var problem = Problem.of(ProblemType.JOB_FAILED, "The job's runner stopped reporting for over "
                + config.lostAfter().toSeconds() + " s (a restart, a crash or an outage of its store), "
                + job.attempts + " times; the job did not finish")
                .withInstance("/api/v1/jobs/" + job.id);
        var error = write(problem);
        return Panache.withTransaction(() -> repository.fail(job.id, error, now())).chain(changed -> {
            if (!changed) {
                return Uni.createFrom().item(false);
            }
            Log.warnf("Job %s (%s) lost its runner; failed", job.id, job.kind);
            metrics.finished(job.kind, JobStatus.FAILED, elapsed(job));
            return publish(job.id, JobEvent.FAILED, error).replaceWith(true);
        });
    }

    /**
     * Runs a database operation on a fresh duplicated context of its own (flagged safe for Hibernate Reactive): the
     * session lives in the context, so a job's progress writes, its heartbeat and its outcome never share one, however
     * they overlap.
     */
    private <T> Uni<T> db(Supplier<Uni<? extends T>> operation) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        // Run to its end even when the job is stopped (cancelled, handed back): a cancellation passed up to the session
        // would leave its transaction open, holding the job's row lock against the next write (the hand-back's).
        return Uncancellable.of(() -> Uni.createFrom().<T> deferred(operation)
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run())));
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

    private JsonNode readTree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored job input is not JSON", e);
        }
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
