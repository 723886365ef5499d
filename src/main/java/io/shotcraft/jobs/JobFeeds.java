package io.shotcraft.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;

/**
 * The live side of job streams: one reader per job on this instance (a {@link Feed}), however many clients follow
 * that job, fanning its events out to them. A feed reads the job's Redis stream from the start into memory (bounded
 * by {@code shotcraft.jobs.events-max-length}, as the stream itself is) when woken by an append on this instance or by
 * its poll timer; each subscriber keeps only its place in that list and is sent what it asked for (its demand), so a
 * slow client costs an index, not a queue. A feed ends with its job's terminal event, or with {@code stream_error}
 * for every subscriber when Redis fails, and is dropped when its last subscriber leaves. At most
 * {@code shotcraft.jobs.max-streams} streams are open on an instance; one more is a 429.
 */
@ApplicationScoped
public class JobFeeds {

    private static final int BATCH = 200;
    /** How often a feed with nothing new reads its job's record, to end streams whose terminal event was lost. */
    private static final Duration RECORD_CHECK = Duration.ofSeconds(2);

    private final JobEvents events;
    private final JobService jobs;
    private final JobMetrics metrics;
    private final Vertx vertx;
    private final JobsConfig config;
    private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closing;

    public JobFeeds(JobEvents events, JobService jobs, JobMetrics metrics, Vertx vertx, JobsConfig config) {
        this.events = events;
        this.jobs = jobs;
        this.metrics = metrics;
        this.vertx = vertx;
        this.config = config;
    }

    /** Refuses a stream over the instance's limit (429), before anything is read. */
    void admit() {
        if (closing) {
            throw ProblemException.unavailable("This instance is shutting down; reconnect with Last-Event-ID to reach another");
        }
        if (open.get() >= config.maxStreams()) {
            metrics.streamRefused();
            throw new ProblemException(Problem.of(ProblemType.TOO_MANY_STREAMS,
                    "This instance has " + config.maxStreams() + " event streams open; retry shortly"));
        }
    }

    /** The job's events after {@code after} (from the first when null), then live ones, until the terminal event. */
    Multi<JobEvent> follow(UUID jobId, String after) {
        return Multi.createFrom().<JobEvent> emitter(emitter -> {
            open.incrementAndGet();
            metrics.streamOpened();
            var subscriber = new Subscriber(after, emitter);
            emitter.onTermination(() -> {
                open.decrementAndGet();
                metrics.streamClosed();
                subscriber.leave();
            });
            emitter.onRequest(requested -> subscriber.drain());
            subscriber.join(jobId);
        });
    }

    /**
     * Ends every stream on this instance with {@code stream_error} ({@code shutting_down}, with the id to resume after)
     * and refuses new ones, so clients reconnect to another instance before this one stops.
     */
    void closeAll() {
        closing = true;
        feeds.values().forEach(feed -> feed.end("shutting_down"));
    }

    /** Feeds running on this instance, for tests and metrics. */
    int feeds() {
        return feeds.size();
    }

    /** Whether stream id {@code a} comes after {@code b} (ids are "millis-sequence" of any length, never parsed). */
    static boolean isAfter(String a, String b) {
        int dash = a.indexOf('-');
        int otherDash = b.indexOf('-');
        int byMillis = compareDigits(a.substring(0, dash), b.substring(0, otherDash));
        return byMillis != 0 ? byMillis > 0 : compareDigits(a.substring(dash + 1), b.substring(otherDash + 1)) > 0;
    }

    private static int compareDigits(String a, String b) {
        var x = a.replaceFirst("^0+(?=.)", "");
        var y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    /** One client's stream: where it is in its feed's events and what it still has to be sent. */
    private final class Subscriber {
        private final String after;
        private final MultiEmitter<? super JobEvent> emitter;
        /** The id of the last event sent, where a reconnect resumes. */
        private String lastSent;
        private Feed feed;
        private int next;
        private boolean positioned;
        private boolean keepAlive;
        private boolean done;

        Subscriber(String after, MultiEmitter<? super JobEvent> emitter) {
            this.after = after;
            this.emitter = emitter;
            this.lastSent = after;
        }

        void join(UUID jobId) {
            Feed joined;
            do {
                joined = feeds.computeIfAbsent(jobId, Feed::new);
            } while (!joined.add(this));
            synchronized (this) {
                feed = joined;
            }
            joined.start();
            drain();
        }

        void leave() {
            Feed left;
            synchronized (this) {
                done = true;
                left = feed;
            }
            if (left != null) {
                left.remove(this);
            }
        }

        void keepAlive() {
            synchronized (this) {
                keepAlive = true;
            }
            drain();
        }

        /** Sends what the client asked for: the feed's events from its place, a keep-alive, or the end. */
        void drain() {
            JobEvent last = null;
            synchronized (this) {
                if (done || feed == null) {
                    return;
                }
                int size = feed.size();
                if (!positioned) {
                    // Skips what the client has seen (up to Last-Event-ID), as far as the feed has read.
                    next = Math.max(next, feed.first());
                    while (next < size && after != null && !isAfter(feed.get(next).id(), after)) {
                        next++;
                    }
                    positioned = next < size;
                }
                if (next < feed.first()) {
                    // The events this client had not been sent were trimmed: it reads on from Redis after reconnecting.
                    last = JobStreamer.streamError("too_slow", lastSent);
                    metrics.streamCut();
                } else {
                    while (emitter.requested() > 0 && next < size) {
                        var event = feed.get(next++);
                        emitter.emit(event);
                        lastSent = event.id();
                        if (event.terminal()) {
                            done = true;
                            emitter.complete();
                            return;
                        }
                        keepAlive = false;
                    }
                    if (done) {
                        // A nested drain (an emit can request more on this thread) sent the end already.
                        return;
                    }
                    if (next >= size && feed.ended() != null) {
                        last = feed.ended();
                        if (!last.terminal()) {
                            metrics.streamCut();
                        }
                    } else if (keepAlive && emitter.requested() > 0) {
                        keepAlive = false;
                        emitter.emit(JobStreamer.KEEP_ALIVE);
                    }
                }
                if (last != null) {
                    done = true;
                }
            }
            if (last != null) {
                emitter.emit(last);
                emitter.complete();
            }
        }
    }

    /** This instance's one reader of a job's stream. */
    private final class Feed {
        private final UUID jobId;
        private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        private final List<JobEvent> read = new ArrayList<>();
        /** How many of the first events were dropped to stay within the bound. */
        private int trimmed;
        private String cursor;
        private JobEvent ended;
        /** The job's record said it had ended at the last idle check, with no terminal event read. */
        private boolean endedInRecord;
        private boolean closed;
        private boolean started;
        private boolean reading;
        private boolean again;
        private long timer = -1;
        private long lastEvent = System.nanoTime();
        private long lastRecordCheck = System.nanoTime();
        private Runnable unlisten;

        Feed(UUID jobId) {
            this.jobId = jobId;
        }

        synchronized boolean add(Subscriber subscriber) {
            if (closed) {
                return false;
            }
            subscribers.add(subscriber);
            return true;
        }

        void remove(Subscriber subscriber) {
            boolean last;
            synchronized (this) {
                subscribers.remove(subscriber);
                last = subscribers.isEmpty() && !closed;
                if (last) {
                    closed = true;
                }
            }
            if (last) {
                close();
            }
        }

        void start() {
            synchronized (this) {
                if (started || closed) {
                    return;
                }
                started = true;
                unlisten = events.onAppend(jobId, this::poll);
            }
            poll();
        }

        synchronized int size() {
            return trimmed + read.size();
        }

        /** The index of the first event still held. */
        synchronized int first() {
            return trimmed;
        }

        synchronized JobEvent get(int index) {
            return read.get(index - trimmed);
        }

        /** The stream's last event when it has ended without a terminal event of its own (a Redis failure). */
        synchronized JobEvent ended() {
            return ended;
        }

        void poll() {
            synchronized (this) {
                if (closed || ended != null) {
                    return;
                }
                if (reading) {
                    again = true;
                    return;
                }
                reading = true;
                again = false;
            }
            events.after(jobId, cursor, BATCH).subscribe().with(this::deliver, this::failed);
        }

        private void deliver(List<JobEvent> batch) {
            boolean terminal = false;
            boolean idle;
            boolean recordDue;
            boolean more;
            synchronized (this) {
                for (var event : batch) {
                    read.add(event);
                    cursor = event.id();
                    terminal |= event.terminal();
                }
                while (read.size() > config.eventsMaxLength()) {
                    read.removeFirst();
                    trimmed++;
                }
                long now = System.nanoTime();
                if (!batch.isEmpty()) {
                    lastEvent = now;
                }
                idle = now - lastEvent >= config.keepAlive().toNanos();
                if (idle) {
                    lastEvent = now;
                }
                recordDue = batch.isEmpty() && now - lastRecordCheck >= RECORD_CHECK.toNanos();
                if (recordDue) {
                    lastRecordCheck = now;
                }
                reading = false;
                more = !terminal && (batch.size() == BATCH || again);
            }
            for (var subscriber : subscribers) {
                if (idle) {
                    subscriber.keepAlive();
                } else {
                    subscriber.drain();
                }
            }
            if (recordDue && !terminal) {
                checkEnded();
            }
            if (terminal) {
                return;
            }
            if (more) {
                poll();
            } else {
                schedule();
            }
        }

        /**
         * A stream with nothing new, of a job that has ended in PostgreSQL but whose terminal event never reached Redis
         * (it failed while the job ended): seen so at two checks in a row ({@link #RECORD_CHECK} apart), the stream
         * ends with the event rebuilt from the job's record, so no client waits for an end that was already written.
         */
        private void checkEnded() {
            // A context of its own, safe for a reactive Hibernate session, as a request or a job has.
            var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> readRecord());
        }

        private void readRecord() {
            jobs.find(jobId).subscribe().with(job -> {
                if (job == null || !job.status.terminal()) {
                    return;
                }
                boolean end;
                synchronized (this) {
                    end = endedInRecord;
                    endedInRecord = true;
                    if (end && ended == null) {
                        ended = JobStreamer.fromRecord(job);
                    }
                }
                if (end) {
                    feeds.remove(jobId, this);
                    subscribers.forEach(Subscriber::drain);
                }
            }, failure -> Log.debugf("Job %s: status not read (%s)", jobId, failure.toString()));
        }

        private void failed(Throwable failure) {
            Log.warnf("Event stream of job %s broke off: %s", jobId, failure.toString());
            synchronized (this) {
                reading = false;
            }
            end("events_unavailable");
        }

        /** Ends the feed's streams with {@code stream_error} after what it has read, unless they have ended already. */
        void end(String reason) {
            synchronized (this) {
                if (ended == null) {
                    ended = JobStreamer.streamError(reason, cursor);
                }
            }
            feeds.remove(jobId, this);
            subscribers.forEach(Subscriber::drain);
        }

        /** The next poll, one interval from now; the previous timer is cancelled, so there is never more than one. */
        private synchronized void schedule() {
            if (closed) {
                return;
            }
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            timer = vertx.setTimer(Math.max(1, config.pollInterval().toMillis()), id -> poll());
        }

        private void close() {
            feeds.remove(jobId, this);
            Runnable stop;
            long pending;
            synchronized (this) {
                stop = unlisten;
                pending = timer;
            }
            if (stop != null) {
                stop.run();
            }
            if (pending >= 0) {
                vertx.cancelTimer(pending);
            }
        }
    }
}
