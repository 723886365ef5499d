package io.shotcraft.jobs;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;

/**
 * A job's events as a stream for one subscriber: the replay from the first event (or the one after
 * {@code Last-Event-ID}), then live events, ending after the terminal event. Items with a null name are
 * keep-alive ticks.
 */
@ApplicationScoped
public class JobStreamer {

    /** A keep-alive tick, sent as an SSE comment line. */
    public static final JobEvent KEEP_ALIVE = new JobEvent(null, null, null);

    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    private static final int BATCH = 200;

    private final JobService jobs;
    private final JobEvents events;
    private final JobMetrics metrics;
    private final Vertx vertx;
    private final JobsConfig config;

    public JobStreamer(JobService jobs, JobEvents events, JobMetrics metrics, Vertx vertx, JobsConfig config) {
        this.jobs = jobs;
        this.events = events;
        this.metrics = metrics;
        this.vertx = vertx;
        this.config = config;
    }

    /** Redis stream ids: two unsigned 64-bit numbers; a larger one makes Redis refuse the read. */
    private static boolean isEventId(String id) {
        if (!EVENT_ID.matcher(id).matches()) {
            return false;
        }
        var parts = id.split("-");
        try {
            Long.parseUnsignedLong(parts[0]);
            Long.parseUnsignedLong(parts[1]);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What a subscriber gets: the events to send, or nothing at all when it has already seen the end. */
    public record Subscription(Multi<JobEvent> events, boolean alreadyEnded) {
    }

    /** Fails with 404 for an unknown job and 400 for a malformed {@code Last-Event-ID}. */
    public Uni<Subscription> subscribe(UUID jobId, String lastEventId) {
        if (lastEventId != null && !isEventId(lastEventId)) {
            throw QueryParams.invalid("Last-Event-ID", "must be an event id such as 1700000000000-0");
        }
        return jobs.find(jobId).chain(job -> {
            if (job == null) {
                throw ProblemException.notFound("No job " + jobId);
            }
            if (!job.status.terminal()) {
                return Uni.createFrom().item(new Subscription(follow(jobId, lastEventId), false));
            }
            // An ended job: everything is in Redis already, unless its events have expired.
            return events.after(jobId, lastEventId, 1).chain(next -> {
                if (!next.isEmpty()) {
                    return Uni.createFrom().item(new Subscription(follow(jobId, lastEventId), false));
                }
                if (lastEventId != null) {
                    return Uni.createFrom().item(new Subscription(Multi.createFrom().empty(), true));
                }
                return Uni.createFrom().item(new Subscription(Multi.createFrom().item(fromRecord(job)), false));
            });
        });
    }

    /** The terminal event rebuilt from the job row, for a job whose stream has expired. */
    private static JobEvent fromRecord(Job job) {
        if (job.status == JobStatus.SUCCEEDED) {
            var data = "{\"job_id\":\"" + job.id + "\",\"status\":\"succeeded\",\"result\":"
                    + (job.result == null ? "null" : job.result) + "}";
            return new JobEvent("0-1", JobEvent.COMPLETED, data);
        }
        return new JobEvent("0-1", JobEvent.FAILED, job.error == null ? "{}" : job.error);
    }

    private Multi<JobEvent> follow(UUID jobId, String after) {
        return Multi.createFrom().<JobEvent> emitter(emitter -> new Follower(jobId, after, emitter).poll())
                .onSubscription().invoke(metrics::streamOpened)
                .onTermination().invoke(metrics::streamClosed);
    }

    /**
     * Reads the stream in batches; when caught up, waits for an append on this pod or the poll interval,
     * whichever comes first. One read at a time per subscriber.
     */
    private final class Follower {
        private final UUID jobId;
        private final MultiEmitter<? super JobEvent> emitter;
        private final AtomicBoolean reading = new AtomicBoolean();
        private final Runnable unlisten;
        private volatile String cursor;
        private volatile boolean again;
        private volatile boolean done;
        private volatile long timer = -1;
        private volatile long lastSent = System.nanoTime();

        Follower(UUID jobId, String after, MultiEmitter<? super JobEvent> emitter) {
            this.jobId = jobId;
            this.cursor = after;
            this.emitter = emitter;
            this.unlisten = events.onAppend(jobId, this::poll);
            emitter.onTermination(this::stop);
        }

        void poll() {
            if (done) {
                return;
            }
            if (!reading.compareAndSet(false, true)) {
                again = true;
                return;
            }
            again = false;
            events.after(jobId, cursor, BATCH).subscribe().with(this::deliver, this::failed);
        }

        private void deliver(List<JobEvent> batch) {
            for (var event : batch) {
                if (done) {
                    return;
                }
                emitter.emit(event);
                cursor = event.id();
                lastSent = System.nanoTime();
                if (event.terminal()) {
                    stop();
                    emitter.complete();
                    return;
                }
            }
            reading.set(false);
            if (batch.size() == BATCH || again) {
                poll();
                return;
            }
            if (System.nanoTime() - lastSent >= config.keepAlive().toNanos()) {
                lastSent = System.nanoTime();
                emitter.emit(KEEP_ALIVE);
            }
            schedule();
        }

        private void failed(Throwable failure) {
            Log.warnf("Event stream of job %s broke off: %s", jobId, failure.toString());
            stop();
            emitter.fail(failure);
        }

        private void schedule() {
            if (done) {
                return;
            }
            long previous = timer;
            if (previous >= 0) {
                vertx.cancelTimer(previous);
            }
            timer = vertx.setTimer(Math.max(1, config.pollInterval().toMillis()), id -> poll());
        }

        private void stop() {
            if (done) {
                return;
            }
            done = true;
            unlisten.run();
            long previous = timer;
            if (previous >= 0) {
                vertx.cancelTimer(previous);
            }
        }
    }
}
