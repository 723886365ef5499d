package io.shotcraft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.UsageRecorder;

/** Answers for the usage tests, told apart by a task name of their own, and what the table must then hold. */
public final class UsageTesting {

    /** Aggregate keys the answers of one run fall in: engine (and model) × prompt version × outcome (and cached). */
    public static final int KEYS = 12;
    /** Linux clock ticks per second, the unit of /proc/PID/stat times. */
    public static final int CLOCK_TICKS = 100;

    private UsageTesting() {
    }

    /** One test run: its own task name (so aggregate rows are told apart) and correlation id prefix. */
    public record Run(String task, String prefix) {
    }

    /** What the answers recorded add up to. */
    public record Expected(long answers, long tokensIn, long tokensOut, long tokensEstimated, BigDecimal costUsd, long latencyMs) {

        Expected plus(Expected other) {
            return new Expected(answers + other.answers, tokensIn + other.tokensIn, tokensOut + other.tokensOut,
                    tokensEstimated + other.tokensEstimated, costUsd.add(other.costUsd), latencyMs + other.latencyMs);
        }
    }

    public static Run run() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        return new Run("usage-test-" + id, "usage-test-" + id + "-");
    }

    public static UsageRecorder.Row row(Run run, int i) {
        boolean llm = i % 2 == 0;
        boolean cached = i % 5 == 0;
        return new UsageRecorder.Row(run.task(), llm ? Engine.LLM : Engine.OFFLINE, llm ? "gpt-4.1-mini" : null, "v" + i % 3,
                i % 1000, i % 300, i % 50, BigDecimal.valueOf(i % 100, 6), i % 2000, cached ? "cache_hit" : "success", cached,
                run.prefix() + i);
    }

    /** Records answers {@code from}… as fast as {@code threads} threads can, all starting at once. */
    public static Expected recordConcurrently(UsageRecorder recorder, Run run, int from, int count, int threads) throws Exception {
        var start = new CountDownLatch(1);
        var slices = new ArrayList<Callable<Expected>>();
        for (int t = 0; t < threads; t++) {
            int first = from + count * t / threads;
            int end = from + count * (t + 1) / threads;
            slices.add(() -> {
                start.await();
                var sum = new Expected(0, 0, 0, 0, BigDecimal.ZERO, 0);
                for (int i = first; i < end; i++) {
                    var row = row(run, i);
                    recorder.record(row);
                    sum = sum.plus(new Expected(1, row.tokensIn(), row.tokensOut(), row.tokensEstimated(), row.costUsd(),
                            row.latencyMs()));
                }
                return sum;
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = slices.stream().map(pool::submit).toList();
            start.countDown();
            var total = new Expected(0, 0, 0, 0, BigDecimal.ZERO, 0);
            for (var future : futures) {
                total = total.plus(future.get());
            }
            return total;
        }
    }

    /**
     * The run's rows, own and aggregate, add up to every answer recorded; each own row is there once, with its
     * correlation id; aggregate rows have none.
     */
    public static void assertInTable(DataSource database, Run run, Expected expected) throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement("SELECT sum(requests), sum(tokens_in), sum(tokens_out), "
                        + "sum(tokens_estimated), sum(cost_usd), sum(latency_ms), "
                        + "count(*) FILTER (WHERE correlation_id IS NOT NULL), "
                        + "count(DISTINCT correlation_id) FILTER (WHERE correlation_id LIKE ? AND requests = 1), "
                        + "sum(requests) FILTER (WHERE correlation_id IS NULL) "
                        + "FROM ai_usage WHERE task = ?")) {
            statement.setString(1, run.prefix() + "%");
            statement.setString(2, run.task());
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("answers").isEqualTo(expected.answers());
                assertThat(rows.getLong(2)).as("tokens_in").isEqualTo(expected.tokensIn());
                assertThat(rows.getLong(3)).as("tokens_out").isEqualTo(expected.tokensOut());
                assertThat(rows.getLong(4)).as("tokens_estimated").isEqualTo(expected.tokensEstimated());
                assertThat(rows.getBigDecimal(5)).as("cost_usd").isEqualByComparingTo(expected.costUsd());
                assertThat(rows.getLong(6)).as("latency_ms").isEqualTo(expected.latencyMs());
                long own = rows.getLong(7);
                assertThat(rows.getLong(8)).as("own rows, each once with the run's correlation id").isEqualTo(own);
                assertThat(own + rows.getLong(9)).as("own rows + answers in aggregate rows").isEqualTo(expected.answers());
            }
        }
    }

    /** Answers the run's aggregate rows stand for. */
    public static long aggregatedInTable(DataSource database, Run run) throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT coalesce(sum(requests), 0) FROM ai_usage WHERE task = ? AND correlation_id IS NULL")) {
            statement.setString(1, run.task());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public static double rows(MeterRegistry registry, String result) {
        return registry.get("shotcraft.ai.usage.rows").tag("result", result).counter().count();
    }

    /** User and system CPU of every PostgreSQL process on this machine, in clock ticks. */
    public static long postgresCpuTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (var process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    var stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    public static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
