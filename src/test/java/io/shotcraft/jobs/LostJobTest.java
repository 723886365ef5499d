package io.shotcraft.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.SseClient;

/**
 * No job stays running forever, even when its queue entry is gone (Redis lost it): a job whose runner went silent is
 * queued again and completes, or, once started the most times, is failed with the reason and its stream ends; a job
 * whose runner is alive is left alone.
 */
@QuarkusTest
class LostJobTest {

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Test
    void aSilentJobWithNoQueueEntryIsQueuedAgainAndCompletes() throws Exception {
        var running = UUID.randomUUID();
        var queued = UUID.randomUUID();
        try (Connection db = jdbc()) {
            insert(db, running, "running", "now() - interval '5 minutes'", 1);
            insert(db, queued, "queued", "now() - interval '5 minutes'", 0);
        }

        for (var id : new UUID[] { running, queued }) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/jobs/" + id)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("succeeded")));
            var events = SseClient.open(jobs.resolve(id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
            assertThat(events).extracting(SseClient.Event::name).endsWith("tick", "progress", "completed");
        }
        given().get("/api/v1/jobs/" + running).then().body("attempts", org.hamcrest.Matchers.equalTo(2));
        var restarted = SseClient.open(jobs.resolve(running + "/events"), null).closed.get(10, TimeUnit.SECONDS);
        assertThat(restarted.getFirst().name()).isEqualTo("restarted");
        assertThat(restarted.getFirst().data()).contains("\"attempt\":2");
    }

    @Test
    void aSilentJobStartedTheMostTimesIsFailedWithTheReasonAndLiveOnesAreLeftAlone() throws Exception {
        var running = UUID.randomUUID();
        var queued = UUID.randomUUID();
        var alive = UUID.randomUUID();
        try (Connection db = jdbc()) {
            insert(db, running, "running", "now() - interval '5 minutes'", 3);
            insert(db, queued, "queued", "now() - interval '5 minutes'", 3);
            insert(db, alive, "running", "now()", 1);
        }

        for (var id : new UUID[] { running, queued }) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/jobs/" + id)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("failed")));
            given().get("/api/v1/jobs/" + id).then()
                    .body("error.detail", org.hamcrest.Matchers.containsString("runner stopped reporting"))
                    .body("error.detail", org.hamcrest.Matchers.containsString("3 times"))
                    .body("error.type", org.hamcrest.Matchers.endsWith("/job-failed"));
            var events = SseClient.open(jobs.resolve(id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
            assertThat(events).extracting(SseClient.Event::name).containsExactly("failed");
        }
        // The sweeps that failed the silent jobs saw this one too: its heartbeat is recent.
        given().get("/api/v1/jobs/" + alive).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("running"));
        try (Connection db = jdbc()) {
            db.createStatement().execute("DELETE FROM job WHERE id = '" + alive + "'");
        }
    }

    @Test
    void aStreamWhoseTerminalEventNeverReachedRedisEndsWithTheOneFromTheRecord() throws Exception {
        var id = UUID.randomUUID();
        try (Connection db = jdbc()) {
            db.createStatement().execute("INSERT INTO job (id, kind, status, progress, input, result, created_at, started_at, "
                    + "finished_at) VALUES ('" + id + "', 'test.steps', 'succeeded', 100, '{\"steps\": 1}', '{\"done\": 1}', "
                    + "now(), now(), now())");
        }
        // Its progress reached Redis, its completed event did not (Redis failed as the job ended).
        io.quarkus.arc.Arc.container().instance(io.quarkus.redis.datasource.RedisDataSource.class).get()
                .stream(String.class).xadd(JobEvents.key(id), java.util.Map.of("name", "progress", "data", "{\"progress\":50}"));

        var events = SseClient.open(jobs.resolve(id + "/events"), null).closed.get(15, TimeUnit.SECONDS);
        assertThat(events).extracting(SseClient.Event::name).containsExactly("progress", "completed");
        assertThat(events.getLast().data()).contains("\"result\":{\"done\":1}").contains("succeeded");
    }

    private static void insert(Connection db, UUID id, String status, String heard, int attempts) throws SQLException {
        db.createStatement().execute("INSERT INTO job (id, kind, status, progress, input, created_at, started_at, heartbeat_at, "
                + "attempts) VALUES ('" + id + "', 'test.steps', '" + status + "', 90, '{\"steps\": 1}', " + heard + ", "
                + ("running".equals(status) ? heard : "null") + ", " + ("running".equals(status) ? heard : "null") + ", "
                + attempts + ")");
    }

    private static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
