package io.shotcraft.ai;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;

/**
 * One {@code ai_usage} row per AI answer, without adding latency to the answer or letting the database's pace
 * bound the service's: {@link #record} only puts the row in a bounded buffer, and one writer on a Vert.x context
 * of its own writes the buffer as multi-row INSERTs, starting as soon as rows arrive and the previous write is done
 * (so rows reach the table at once when load is light, in batches of up to {@code batch-size} when it is not).
 * When the buffer is full, answers are summed into aggregate rows ({@code requests} > 1, see V4); when the database
 * fails, the writer keeps the rows and retries with backoff. Nothing is dropped silently: the counter
 * {@code shotcraft.ai.usage.rows} counts answers by result, {@code written} (in the table, on their own or in an
 * aggregate row), {@code aggregated} (summed into an aggregate instead of a row of their own) and {@code failed}
 * (lost: refused by the database, or still in memory when shutdown gave up waiting).
 */
@ApplicationScoped
public class UsageRecorder {

    private final Pool pool;
    private final Vertx vertx;
    private final int capacity;
    private final int batchSize;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration shutdownTimeout;
    /** The writer's context: one event loop, so writes never overlap and writer state needs no locks. */
    private final Context writer;
    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    /** Rows in memory: queued or being written; bounded by {@link #capacity}. */
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicInteger maxBuffered = new AtomicInteger();
    private final UsageAggregates aggregates = new UsageAggregates();
    /** True from the moment a write is scheduled until the writer finds nothing left to write. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean aggregating = new AtomicBoolean();
    private final Counter written;
    private final Counter aggregated;
    private final Counter failed;
    /** Notified after every write, for {@link #flush}. */
    private final Object progress = new Object();

    // Writer state, touched only on the writer context.
    private final Deque<Batch> retries = new ArrayDeque<>();
    private Duration backoff;
    private long retryTimer = -1;
    private boolean failing;

    private volatile boolean closed;

    public UsageRecorder(Pool pool, Vertx vertx, UsageConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.capacity = config.bufferSize();
        this.batchSize = config.batchSize();
        this.initialBackoff = config.initialBackoff();
        this.maxBackoff = config.maxBackoff();
        this.shutdownTimeout = config.shutdownTimeout();
        this.backoff = initialBackoff;
        // Created at startup (see start), off any event loop: a new event-loop context rather than a request's.
        this.writer = vertx.getOrCreateContext();
        this.written = rows(registry, "written");
        this.aggregated = rows(registry, "aggregated");
        this.failed = rows(registry, "failed");
        Gauge.builder("shotcraft.ai.usage.buffered", buffered, AtomicInteger::get)
                .description("Usage rows in memory waiting for the database").register(registry);
        Gauge.builder("shotcraft.ai.usage.buffered.max", maxBuffered, AtomicInteger::get)
                .description("Most usage rows that were in memory at once").register(registry);
        Gauge.builder("shotcraft.ai.usage.aggregated.pending", aggregates, UsageAggregates::requests)
                .description("Answers summed into aggregate rows not yet written").register(registry);
    }

    private static Counter rows(MeterRegistry registry, String result) {
        return Counter.builder("shotcraft.ai.usage.rows")
                .description("AI answers by what became of their usage row: written, aggregated, failed (lost)")
                .tag("result", result).register(registry);
    }

    /** A row as recorded. */
    public record Row(String task, Engine engine, String model, String promptVersion, int tokensIn, int tokensOut,
            int tokensEstimated, BigDecimal costUsd, long latencyMs, String outcome, boolean cached, String correlationId) {
    }

    /** A row and when it was recorded: its created_at, however late it is written. */
    record Entry(Row row, Instant at) {
    }

    /** What one INSERT writes: rows, and aggregates as they were when taken. */
    private record Batch(List<Entry> rows, List<UsageAggregates.Totals> totals) {

        int size() {
            return rows.size() + totals.size();
        }

        long answers() {
            return rows.size() + totals.stream().mapToLong(UsageAggregates.Totals::requests).sum();
        }

        /** Two non-empty halves of a batch of two or more, to find the one row the database refuses. */
        List<Batch> halves() {
            if (rows.size() > 1) {
                int half = rows.size() / 2;
                return List.of(new Batch(rows.subList(0, half), totals), new Batch(rows.subList(half, rows.size()), List.of()));
            }
            if (!rows.isEmpty()) {
                return List.of(new Batch(rows, List.of()), new Batch(List.of(), totals));
            }
            int half = totals.size() / 2;
            return List.of(new Batch(List.of(), totals.subList(0, half)), new Batch(List.of(), totals.subList(half, totals.size())));
        }
    }

    /**
     * Creates the bean, and so the writer's context, on the startup thread; and the pool, whose closing then comes
     * after {@link #stop} (Quarkus runs shutdown tasks last registered first, and registers the ShutdownEvent's
     * right after StartupEvent).
     */
    void start(@Observes StartupEvent event) {
        pool.getDelegate();
        Log.debugf("AI usage: up to %d rows in memory, %d per INSERT", capacity, batchSize);
    }

    /** Never waits for the database: a place in the buffer, or (buffer full) a short lock to add to the aggregates. */
    public void record(Row row) {
        Objects.requireNonNull(row.engine(), "engine");
        if (closed) {
            failed.increment();
            return;
        }
        var at = Instant.now();
        if (reserve()) {
            queue.add(new Entry(row, at));
        } else {
            aggregate(row, at);
        }
        wake();
    }

    /** A place in the buffer, if there is one. */
    private boolean reserve() {
        int held;
        do {
            held = buffered.get();
            if (held >= capacity) {
                return false;
            }
        } while (!buffered.compareAndSet(held, held + 1));
        if (held + 1 > maxBuffered.get()) {
            maxBuffered.accumulateAndGet(held + 1, Math::max);
        }
        return true;
    }

    private void aggregate(Row row, Instant at) {
        aggregates.add(UsageAggregates.Totals.of(row, at));
        aggregated.increment();
        if (aggregating.compareAndSet(false, true)) {
            Log.warnf("AI usage: %d rows are waiting for the database, the buffer's capacity; answers are now summed "
                    + "into aggregate rows (shotcraft.ai.usage.rows{result=aggregated})", capacity);
        }
    }

    private void wake() {
        if (writing.compareAndSet(false, true)) {
            writer.runOnContext(ignored -> writeNext());
        }
    }

    // --- The writer: runs on its context only.

    private void writeNext() {
        retryTimer = -1;
        var batch = retries.isEmpty() ? nextBatch() : retries.pollFirst();
        if (batch == null) {
            idle();
            return;
        }
        try {
            pool.preparedQuery(UsageColumns.INSERT)
                    .execute(UsageColumns.tuple(batch.rows(), batch.totals().stream().flatMap(t -> t.parts().stream()).toList()))
                    .subscribe().with(ignored -> written(batch), e -> failed(batch, e));
        } catch (RuntimeException e) {
            failed(batch, e);
        }
    }

    /** Aggregates first (they are few and the oldest news), then rows, up to a batch. */
    private Batch nextBatch() {
        var totals = aggregates.snapshot(batchSize);
        var rows = new ArrayList<Entry>(Math.min(batchSize, buffered.get()));
        Entry entry;
        while (rows.size() + totals.size() < batchSize && (entry = queue.poll()) != null) {
            rows.add(entry);
        }
        return rows.isEmpty() && totals.isEmpty() ? null : new Batch(rows, totals);
    }

    private void idle() {
        writing.set(false);
        signal();
        // A row recorded after the last poll and before the flag was cleared found the writer busy.
        if (!queue.isEmpty() || aggregates.requests() > 0) {
            wake();
        }
    }

    private void written(Batch batch) {
        done(batch);
        written.increment(batch.answers());
        if (failing) {
            failing = false;
            Log.warnf("AI usage: the database takes usage rows again; %d rows waiting", buffered.get());
        }
        backoff = initialBackoff;
        // Only once the buffer has room again: aggregates go first, so they empty out at every write under overload.
        if (buffered.get() <= capacity / 2 && aggregates.requests() == 0 && aggregating.compareAndSet(true, false)) {
            Log.warn("AI usage: aggregate rows written; one row per answer again");
        }
        signal();
        writeNext();
    }

    private void failed(Batch batch, Throwable error) {
        if (refused(error)) {
            refusedRows(batch, error);
        } else {
            retries.addFirst(batch);
            if (!failing) {
                failing = true;
                Log.warnf("AI usage: the database does not take usage rows (%s); keeping up to %d in memory and "
                        + "retrying, then summing answers into aggregate rows", describe(error), capacity);
            }
            retryTimer = vertx.setTimer(Math.max(1, backoff.toMillis()), ignored -> writeNext());
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
        signal();
    }

    /** Halves a refused batch until the row the database refuses is alone, and counts it lost. */
    private void refusedRows(Batch batch, Throwable error) {
        if (batch.size() > 1) {
            var halves = batch.halves();
            retries.addFirst(halves.get(1));
            retries.addFirst(halves.get(0));
        } else {
            done(batch);
            failed.increment(batch.answers());
            Log.warnf("AI usage: the database refused a usage row standing for %d answers (%s); it is lost",
                    batch.answers(), describe(error));
        }
        writeNext();
    }

    /** The batch left memory (written or lost). */
    private void done(Batch batch) {
        buffered.addAndGet(-batch.rows().size());
        batch.totals().forEach(aggregates::remove);
    }

    /** A data error (class 22, 23) fails the same row again; anything else (connection, timeout…) may pass later. */
    private static boolean refused(Throwable error) {
        return error instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    /** The error without row values: PostgreSQL's message names constraints, never the failing row. */
    private static String describe(Throwable error) {
        return error instanceof PgException pg ? "SQLSTATE " + pg.getSqlState() + ": " + pg.getErrorMessage()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /** Ends a backoff wait at once: the caller wants the rows written now. */
    private void retryNow() {
        backoff = initialBackoff;
        if (retryTimer >= 0 && vertx.cancelTimer(retryTimer)) {
            writeNext();
        }
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    // --- Waiting and state, for shutdown and tests.

    /**
     * Writes what is in memory now, waiting at most {@code timeout}; true when nothing is left. Blocks the caller,
     * so never call it on an event loop.
     */
    public boolean flush(Duration timeout) {
        writer.runOnContext(ignored -> retryNow());
        wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (pending() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes what is left before the pool closes; what cannot be written in time is counted lost. */
    void stop(@Observes ShutdownEvent event) {
        Log.debugf("AI usage: %d answers to write at shutdown", pending());
        boolean done = flush(shutdownTimeout);
        closed = true;
        if (!done) {
            long left = pending();
            failed.increment(left);
            Log.warnf("AI usage: %d answers not recorded: the database did not take them within %s of shutdown", left,
                    shutdownTimeout);
        }
    }

    /** Answers in memory: rows in the buffer and answers summed into aggregates. */
    public long pending() {
        return buffered.get() + aggregates.requests();
    }

    /** Rows in the buffer now, at most the configured buffer size. */
    public int buffered() {
        return buffered.get();
    }

    /** Most rows that were in the buffer at once since startup. */
    public int maxBuffered() {
        return maxBuffered.get();
    }

    /** Aggregate keys in memory now. */
    public int aggregateKeys() {
        return aggregates.keys();
    }
}
