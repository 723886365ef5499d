package io.shotcraft.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.shotcraft.platform.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The job queue every instance shares: a Redis stream ({@code shotcraft.jobs.queue.key}) read by one consumer group.
 * Each instance is a consumer that takes as many jobs as it has free slots ({@code XREADGROUP}), acknowledges and
 * deletes a job's entry once its outcome is recorded, keeps the entries of the jobs it runs fresh while they run
 * ({@link #touch}), and takes over entries another consumer has left idle for {@code claim-after} ({@code XAUTOCLAIM}):
 * the jobs of an instance that died. The stream is bounded: a job is refused (503) when {@code max-queued} entries wait.
 */
@ApplicationScoped
public class JobQueue {

    private static final String FIELD_JOB = "job";
    private static final int SCAN_PAGE = 1000;

    /** A job handed to this instance: its stream entry, and whether it was taken over from another consumer. */
    public record Delivery(String entry, UUID jobId, boolean claimed) {
    }

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;
    /** Blocking reads wait on connections of their own, never holding one the cache or the event streams need. */
    private final ReactiveStreamCommands<String, String, String> reads;
    private final JobsConfig.Queue config;
    private final Duration redisTimeout;
    private final Vertx vertx;
    private final String consumer;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong waiting = new AtomicLong();
    private final Counter claimed;
    private volatile Consumer<Delivery> handler;
    /** One read at a time: two at once could each take as many jobs as there are free slots. */
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean stopped = true;
    private long claimTimer = -1;
    private volatile long lastPrune = System.nanoTime();

    public JobQueue(ReactiveRedisDataSource redis, @RedisClientName("jobs-queue") ReactiveRedisDataSource reader,
            JobsConfig config, Vertx vertx, MeterRegistry registry) {
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.reads = reader.stream(String.class, String.class, String.class);
        this.config = config.queue();
        this.redisTimeout = config.redisTimeout();
        this.vertx = vertx;
        this.consumer = consumerName();
        Gauge.builder("shotcraft.jobs.queue.depth", waiting, AtomicLong::get)
                .description("Jobs waiting in the shared queue for a free slot on any instance").register(registry);
        Gauge.builder("shotcraft.jobs.slots.busy", busy, AtomicInteger::get)
                .description("Job slots of this instance in use (of shotcraft.jobs.queue.concurrency)").register(registry);
        claimed = Counter.builder("shotcraft.jobs.claimed")
                .description("Jobs this instance took over from a consumer that stopped (a crash, a kill, a partition)")
                .register(registry);
        if (config.heartbeatInterval().compareTo(this.config.claimAfter()) >= 0) {
            throw new IllegalStateException("shotcraft.jobs.heartbeat-interval must be shorter than shotcraft.jobs.queue.claim-after, "
                    + "or running jobs are taken over while alive");
        }
    }

    /** This instance's consumer name: its host and process, so a restarted pod is a new consumer. */
    String consumer() {
        return consumer;
    }

    /**
     * Puts a recorded job on the queue; fails with 503 when Redis is unavailable or {@code max-queued} entries are
     * already there (the caller then withdraws the job).
     */
    Uni<Void> enqueue(UUID jobId) {
        return bounded(streams.xadd(config.key(), Map.of(FIELD_JOB, jobId.toString()))).replaceWithVoid();
    }

    /** Whether a job can be queued now: Redis answers and the queue has room. */
    Uni<Void> ready() {
        return bounded(streams.xlen(config.key())).invoke(length -> {
            if (length >= config.maxQueued()) {
                throw ProblemException.unavailable("The job queue is full (" + length + " jobs waiting or running); try again shortly");
            }
        }).replaceWithVoid();
    }

    /** Starts taking jobs: each is handed to {@code handler}, which must call {@link #done} once it ends. */
    void consume(Consumer<Delivery> handler) {
        this.handler = handler;
        stopped = false;
        createGroup().subscribe().with(ok -> {
            read();
            long every = Math.max(100, config.claimAfter().toMillis() / 2);
            claimTimer = vertx.setPeriodic(every, timer -> claim());
        }, failure -> {
            Log.warnf("Job queue not reachable at start (%s); trying again", failure.toString());
            vertx.setTimer(config.retryDelay().toMillis(), timer -> consume(handler));
        });
    }

    /** Stops taking jobs (running ones go on). */
    void stop() {
        stopped = true;
        if (claimTimer >= 0) {
            vertx.cancelTimer(claimTimer);
        }
    }

    /** Frees the job's slot and, when {@code acknowledge}, removes its entry: it ended and will not be run again. */
    void done(Delivery delivery, boolean acknowledge) {
        busy.decrementAndGet();
        if (acknowledge) {
            bounded(streams.xack(config.key(), config.group(), delivery.entry())
                    .chain(() -> streams.xdel(config.key(), delivery.entry())))
                    .subscribe().with(n -> {
                    }, failure -> Log.debugf("Job %s: queue entry not acknowledged (%s); it is taken over and ended later",
                            delivery.jobId(), failure.toString()));
        }
        read();
    }

    /** Keeps a running job's entry from looking abandoned: resets its idle time, as its owner. */
    Uni<Void> touch(Delivery delivery) {
        return bounded(redis.execute("XCLAIM", config.key(), config.group(), consumer, "0", delivery.entry(), "JUSTID"))
                .replaceWithVoid();
    }

    /** Makes a job's entry one that any instance takes over at once (this one stops without running it to the end). */
    Uni<Void> release(Delivery delivery) {
        return bounded(redis.execute("XCLAIM", config.key(), config.group(), consumer, "0", delivery.entry(),
                "IDLE", Long.toString(config.claimAfter().toMillis()), "JUSTID")).replaceWithVoid();
    }

    /** The ids of the jobs with an entry in the queue (waiting or being run), at most {@code max-queued} of them. */
    Uni<Set<UUID>> queued() {
        return scan("-", new HashSet<>());
    }

    private Uni<Set<UUID>> scan(String from, Set<UUID> seen) {
        return bounded(streams.xrange(config.key(), StreamRange.of(from, "+"), SCAN_PAGE)).chain(page -> {
            for (var message : page) {
                var id = jobId(message);
                if (id != null) {
                    seen.add(id);
                }
            }
            if (page.size() < SCAN_PAGE || seen.size() >= config.maxQueued()) {
                return Uni.createFrom().item(seen);
            }
            return scan("(" + page.getLast().id(), seen);
        });
    }

    private void read() {
        if (stopped || !reading.compareAndSet(false, true)) {
            return;
        }
        int free = config.concurrency() - busy.get();
        if (free <= 0) {
            reading.set(false);
            return;
        }
        var args = new XReadGroupArgs().count(free).block(config.readBlock());
        reads.xreadgroup(config.group(), consumer, config.key(), ">", args)
                .ifNoItem().after(config.readBlock().plus(redisTimeout)).fail()
                .subscribe().with(messages -> {
                    hand(messages, false);
                    reading.set(false);
                    read();
                }, failure -> {
                    reading.set(false);
                    if (!stopped) {
                        Log.debugf("Job queue read failed (%s); trying again", failure.toString());
                        if (isMissingGroup(failure)) {
                            createGroup().subscribe().with(ok -> read(), e -> vertx.setTimer(config.retryDelay().toMillis(), t -> read()));
                        } else {
                            vertx.setTimer(config.retryDelay().toMillis(), timer -> read());
                        }
                    }
                });
    }

    /** Takes over entries idle for {@code claim-after} (their consumer died) as slots allow, and measures the backlog. */
    private void claim() {
        if (stopped) {
            return;
        }
        int free = config.concurrency() - busy.get();
        Uni<Void> takeOver = free <= 0 ? Uni.createFrom().voidItem()
                : bounded(streams.xautoclaim(config.key(), config.group(), consumer, config.claimAfter(), "0-0", free))
                        .invoke(result -> hand(result.getMessages(), true)).replaceWithVoid();
        takeOver.chain(this::measure).chain(this::prune).subscribe().with(ok -> {
        }, failure -> Log.debugf("Job queue claim failed (%s)", failure.toString()));
    }

    private Uni<Void> measure() {
        return bounded(streams.xlen(config.key()).chain(length -> streams.xpending(config.key(), config.group())
                .invoke(pending -> waiting.set(Math.max(0, length - pending.getPendingCount())))))
                .replaceWithVoid();
    }

    /**
     * Forgets consumers (instances that stopped) with nothing pending and idle for {@code forget-after}, at most once
     * a minute, so the group does not grow with every restart.
     */
    private Uni<Void> prune() {
        long now = System.nanoTime();
        if (now - lastPrune < Duration.ofMinutes(1).toNanos()) {
            return Uni.createFrom().voidItem();
        }
        lastPrune = now;
        long idleMillis = config.forgetAfter().toMillis();
        return bounded(redis.execute("XINFO", "CONSUMERS", config.key(), config.group())).chain(consumers -> {
            var gone = new ArrayList<String>();
            for (var c : consumers) {
                var name = c.get("name").toString();
                if (!name.equals(consumer) && c.get("pending").toLong() == 0 && c.get("idle").toLong() > idleMillis) {
                    gone.add(name);
                }
            }
            return Multi.createFrom().iterable(gone)
                    .onItem().transformToUniAndConcatenate(name -> redis.execute("XGROUP", "DELCONSUMER", config.key(), config.group(), name))
                    .collect().last().replaceWithVoid();
        });
    }

    private void hand(List<StreamMessage<String, String, String>> messages, boolean taken) {
        for (var message : messages) {
            var id = jobId(message);
            if (id == null) {
                // Not a job entry (written by hand, or by something else): nothing can run it.
                streams.xack(config.key(), config.group(), message.id()).chain(() -> streams.xdel(config.key(), message.id()))
                        .subscribe().with(n -> {
                        }, failure -> {
                        });
                continue;
            }
            if (taken) {
                claimed.increment();
            }
            busy.incrementAndGet();
            handler.accept(new Delivery(message.id(), id, taken));
        }
    }

    private Uni<Void> createGroup() {
        // From the stream's start: entries queued before the group existed are jobs too.
        return bounded(streams.xgroupCreate(config.key(), config.group(), "0", new XGroupCreateArgs().mkstream()))
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .replaceWithVoid();
    }

    private static boolean isMissingGroup(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("NOGROUP");
    }

    private static UUID jobId(StreamMessage<String, String, String> message) {
        var payload = message.payload();
        var value = payload == null ? null : payload.get(FIELD_JOB);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String consumerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private <T> Uni<T> bounded(Uni<T> call) {
        return RedisCalls.bounded(call, redisTimeout);
    }
}
