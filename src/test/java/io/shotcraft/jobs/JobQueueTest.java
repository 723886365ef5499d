package io.shotcraft.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shotcraft.testing.Gates;
import io.shotcraft.testing.SseClient;
import io.shotcraft.testing.StepsJobKind;
import io.shotcraft.testing.TestJobs;

/**
 * The queue every instance takes jobs from: the job of an instance that died is taken over and completes once; a job
 * started the most times fails with the reason; a runner whose job was taken over cannot complete it; a full queue
 * refuses new jobs with 503 and stores nothing.
 */
@QuarkusTest
class JobQueueTest {

    @Inject
    RedisDataSource redis;

    @Inject
    JobsConfig config;

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Test
    void theJobOfAnInstanceThatDiedIsTakenOverAndCompletesOnce() throws Exception {
        var id = UUID.randomUUID();
        String entry = takenByADeadInstance(id, 1);

        var job = TestJobs.awaitStatus(id.toString(), "succeeded");
        assertThat(job.getInt("attempts")).isEqualTo(2);
        assertThat(job.getInt("result.sum")).isEqualTo(3);
        var events = SseClient.open(jobs.resolve(id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
        assertThat(events.getFirst().name()).isEqualTo("restarted");
        assertThat(events).extracting(SseClient.Event::name).containsOnlyOnce("completed").last().isEqualTo("completed");
        // Its entry is acknowledged and gone: nobody runs it again.
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.stream(String.class).xrange(queue(),
                io.quarkus.redis.datasource.stream.StreamRange.of(entry, entry)).isEmpty());
        given().get("/q/metrics").then().body(containsString("shotcraft_jobs_claimed_total"));
    }

    @Test
    void aJobStartedTheMostTimesFailsWithTheReason() throws Exception {
        var id = UUID.randomUUID();
        takenByADeadInstance(id, config.queue().maxAttempts());

        TestJobs.awaitStatus(id.toString(), "failed");
        given().get("/api/v1/jobs/" + id).then()
                .body("error.type", endsWith("/job-failed"))
                .body("error.detail", containsString("started 3 times"));
        var events = SseClient.open(jobs.resolve(id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
        assertThat(events).extracting(SseClient.Event::name).containsExactly("failed");
    }

    @Test
    void aRunnerWhoseJobWasTakenOverStopsWithoutCompletingIt() throws Exception {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(2, gate);
        TestJobs.awaitStatus(id, "running");
        // Another instance takes the job over: its attempt is now the job's.
        try (Connection db = jdbc()) {
            db.createStatement().execute("UPDATE job SET attempts = attempts + 1 WHERE id = '" + id + "'");
        }
        Gates.openAll(gate, 2);

        // This runner's reports are refused from then on, and its heartbeat stops it: the job is left to its new owner.
        await().atMost(Duration.ofSeconds(10)).until(() -> !io.quarkus.arc.Arc.container().instance(JobService.class).get()
                .runsHere(UUID.fromString(id)));
        var job = TestJobs.get(id);
        assertThat(job.getString("status")).isEqualTo("running");
        assertThat(job.getInt("progress")).isLessThan(100);
        given().delete("/api/v1/jobs/" + id).then().statusCode(200);
    }

    @Test
    void aFullQueueRefusesNewJobsWith503AndStoresNothing() throws Exception {
        var stream = redis.stream(String.class);
        var group = config.queue().group();
        // Nothing is delivered while the group points past every entry: the entries added now wait, as in a backlog.
        redis.execute("XGROUP", "SETID", queue(), group, "99999999999999-0");
        var added = new ArrayList<String>();
        try {
            // A few more than room: entries of earlier tests' jobs may still be going.
            long room = config.queue().maxQueued() - stream.xlen(queue()) + 10;
            for (long i = 0; i < room; i++) {
                added.add(stream.xadd(queue(), Map.of("job", UUID.randomUUID().toString())));
            }
            long before = jobCount();

            given().contentType(ContentType.JSON)
                    .body(Map.of("kind", StepsJobKind.NAME, "input", Map.of("steps", 1)))
                    .when().post("/api/v1/jobs")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("2"))
                    .body("detail", containsString("queue is full"));
            assertThat(jobCount()).isEqualTo(before);
            await().atMost(Duration.ofSeconds(5)).until(() -> queueDepth() >= config.queue().maxQueued());
        } finally {
            stream.xdel(queue(), added.toArray(String[]::new));
            redis.execute("XGROUP", "SETID", queue(), group, "$");
        }
        TestJobs.awaitStatus(TestJobs.submit(1), "succeeded");
    }

    /** A queued job whose entry an instance took and started (attempt {@code attempts}) before it died. */
    private String takenByADeadInstance(UUID id, int attempts) throws SQLException {
        try (Connection db = jdbc()) {
            db.createStatement().execute("INSERT INTO job (id, kind, status, progress, input, created_at, started_at, heartbeat_at, "
                    + "attempts) VALUES ('" + id + "', 'test.steps', 'running', 10, '{\"steps\": 2}', now(), now(), now(), "
                    + attempts + ")");
        }
        // Queued past the group's read position, so only the dead instance has it: pending on it, never acknowledged.
        var group = config.queue().group();
        redis.execute("XGROUP", "SETID", queue(), group, "99999999999999-0");
        try {
            String entry = redis.stream(String.class).xadd(queue(), Map.of("job", id.toString()));
            redis.execute("XCLAIM", queue(), group, "dead-instance", "0", entry, "FORCE", "JUSTID");
            return entry;
        } finally {
            redis.execute("XGROUP", "SETID", queue(), group, "$");
        }
    }

    private static double queueDepth() {
        var metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        var line = metrics.lines().filter(l -> l.startsWith("shotcraft_jobs_queue_depth ")).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
    }

    private String queue() {
        return config.queue().key();
    }

    private static long jobCount() throws SQLException {
        try (Connection db = jdbc(); var rows = db.createStatement().executeQuery("SELECT count(*) FROM job")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
