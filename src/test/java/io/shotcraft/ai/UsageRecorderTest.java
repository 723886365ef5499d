package io.shotcraft.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.UsageTesting;
import io.shotcraft.testing.UsageTesting.Expected;

/**
 * Usage accounting against the shared PostgreSQL: answers recorded far faster than single-row commits, and while
 * the table is locked (a database slower than any request rate), are all in the table afterwards, as their own
 * rows or in aggregate rows, and the buffer never holds more than its capacity.
 */
@QuarkusTest
class UsageRecorderTest {

    @Inject
    UsageRecorder recorder;

    @Inject
    UsageConfig config;

    @Inject
    DataSource database;

    @Inject
    MeterRegistry registry;

    @Test
    void answersRecordedFarFasterThanSingleRowCommitsAreAllAccountedFor() throws Exception {
        var run = UsageTesting.run();
        int answers = 20_000;

        long started = System.nanoTime();
        var expected = UsageTesting.recordConcurrently(recorder, run, 0, answers, 4);
        long recorded = System.nanoTime();
        assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
        long written = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> UsageTesting.assertInTable(database, run, expected));
        assertThat(recorder.maxBuffered()).isLessThanOrEqualTo(config.bufferSize());
        System.out.printf("AI usage: %d answers recorded by 4 threads in %d ms (%.0f/s), all in the table after %d ms%n",
                answers, (recorded - started) / 1_000_000, answers * 1e9 / (recorded - started), (written - started) / 1_000_000);
    }

    @Test
    void whileTheTableIsLockedNothingIsLostAndTheBufferStaysBounded() throws Exception {
        assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        var run = UsageTesting.run();
        int capacity = config.bufferSize();
        int answers = 3 * capacity;
        double aggregatedBefore = UsageTesting.rows(registry, "aggregated");
        double failedBefore = UsageTesting.rows(registry, "failed");
        Expected expected;
        long released;

        try (var lock = database.getConnection()) {
            lockUsageTable(lock);
            expected = UsageTesting.recordConcurrently(recorder, run, 0, answers, 4);

            // The writer's INSERT waits for the lock; the buffer is full and the rest is summed in aggregates.
            await().atMost(Duration.ofSeconds(10)).until(() -> insertsWaitingForALock(lock) > 0);
            assertThat(recorder.buffered()).isEqualTo(capacity);
            assertThat(recorder.pending()).isGreaterThanOrEqualTo(answers);
            assertThat(recorder.aggregateKeys()).isLessThanOrEqualTo(UsageTesting.KEYS);
            assertThat(UsageTesting.rows(registry, "aggregated") - aggregatedBefore).isGreaterThanOrEqualTo(answers - capacity);
            lock.commit();
            released = System.nanoTime();
        }

        assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
        long drained = System.nanoTime();
        UsageTesting.assertInTable(database, run, expected);
        assertThat(UsageTesting.aggregatedInTable(database, run)).isGreaterThanOrEqualTo(answers - capacity);
        assertThat(recorder.maxBuffered()).isLessThanOrEqualTo(capacity);
        assertThat(UsageTesting.rows(registry, "failed")).isEqualTo(failedBefore);
        System.out.printf("AI usage: after the lock, %d buffered rows and %d aggregated answers written in %d ms%n",
                capacity, answers - capacity, (drained - released) / 1_000_000);
    }

    /**
     * The writer's pace with the default settings: a full buffer written back to back, measured from the moment a
     * lock on the table is released. Run with -Dusage.benchmark=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "usage.benchmark", matches = "true")
    void benchmark() throws Exception {
        int rounds = 10;
        int capacity = config.bufferSize();
        long nanos = 0;
        long postgresTicks = 0;
        long jvmCpu = 0;
        var run = UsageTesting.run();
        for (int round = 0; round < rounds; round++) {
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            long ticks;
            long cpu;
            long released;
            try (var lock = database.getConnection()) {
                lockUsageTable(lock);
                UsageTesting.recordConcurrently(recorder, run, round * capacity, capacity, 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> insertsWaitingForALock(lock) > 0);
                ticks = UsageTesting.postgresCpuTicks();
                cpu = UsageTesting.jvmCpuNanos();
                lock.commit();
                released = System.nanoTime();
            }
            assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
            nanos += System.nanoTime() - released;
            postgresTicks += UsageTesting.postgresCpuTicks() - ticks;
            jvmCpu += UsageTesting.jvmCpuNanos() - cpu;
        }
        long rows = (long) rounds * capacity;
        System.out.printf("AI usage benchmark: %d rows in %d ms: %.0f rows/s; PostgreSQL CPU %.1f µs/row, JVM CPU %.1f µs/row%n",
                rows, nanos / 1_000_000, rows * 1e9 / nanos, postgresTicks * 1e6 / UsageTesting.CLOCK_TICKS / rows,
                jvmCpu / 1e3 / rows);
    }

    private static void lockUsageTable(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("LOCK TABLE ai_usage IN EXCLUSIVE MODE");
        }
    }

    private static int insertsWaitingForALock(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                // Lock requests on the table not granted: what pg_stat_activity shows as the query can still be the
                // connection's previous statement while a new one is parsed, so its text is not relied on.
                var rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE relation = 'ai_usage'::regclass "
                        + "AND NOT granted")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
