package io.shotcraft.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.shotcraft.testing.Gates;
import io.shotcraft.testing.LogCapture;
import io.shotcraft.testing.OpenAiStub;
import io.shotcraft.testing.OwnServices;
import io.shotcraft.testing.SseClient;
import io.shotcraft.testing.TestJobs;

/**
 * What clients see while PostgreSQL or Redis is down: readiness DOWN and prompt 503 problems, never a hang;
 * and service again once they are back. Runs against servers of its own, so the shared ones keep running.
 */
@QuarkusTest
@TestProfile(OutageTest.OwnServicesProfile.class)
class OutageTest {

    public static class OwnServicesProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Jobs whose queue entry a Redis restart lost are queued again after lost-after.
            return Map.of("shotcraft.jobs.keep-alive", "PT0.2S", "shotcraft.jobs.redis-timeout", "PT1S",
                    "shotcraft.jobs.lost-after", "PT3S");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(OwnServices.class));
        }
    }

    /** A hang fails the request (and the test) instead of blocking it. */
    private static final RestAssuredConfig PROMPT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 5_000));

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @AfterEach
    void servicesBack() {
        OwnServices.startRedis();
        OwnServices.startPostgres();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void withRedisDownTheServiceStaysReadyReportsRedisAndJobCallsAnswer503() throws Exception {
        var finished = TestJobs.submit(1);
        TestJobs.awaitStatus(finished, "succeeded");
        var gate = TestJobs.newGate();
        var running = TestJobs.submitGated(1, gate);
        TestJobs.awaitStatus(running, "running");
        given().config(PROMPT).get("/q/health/well").then().statusCode(200).body("checks.name", hasItem("redis"));

        OwnServices.stopRedis();

        // Redis is not a readiness dependency: the cache is bypassed and the synchronous endpoints keep serving.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().config(PROMPT).get("/q/health/well")
                .then().statusCode(503).body("checks.find { it.name == 'redis' }.status", equalTo("DOWN")));
        given().config(PROMPT).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().config(PROMPT).get("/q/health/live").then().statusCode(200);
        // A job is accepted only when its events can be stored: nothing is accepted and then lost.
        given().config(PROMPT).contentType(ContentType.JSON).body(Map.of("kind", "test.steps", "input", Map.of("steps", 1)))
                .when().post("/api/v1/jobs").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2");
        // A finished job's stream still ends as the job did: its terminal event from its record.
        var replay = SseClient.open(jobs.resolve(finished + "/events"), null);
        assertThat(replay.status).isEqualTo(200);
        assertThat(replay.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).extracting(SseClient.Event::name)
                .containsExactly("completed");
        // A running job's stream cannot be followed without Redis: it ends at once with stream_error, to resume later.
        var live = SseClient.open(jobs.resolve(running + "/events"), null);
        assertThat(live.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).extracting(SseClient.Event::name)
                .containsExactly("stream_error");
        Gates.open(gate, 1);
        // Reading the job itself needs only PostgreSQL.
        given().config(PROMPT).when().get("/api/v1/jobs/" + finished).then().statusCode(200).body("status", equalTo("succeeded"));
    }

    @Test
    void withRedisDownEnhancementIsStillServedBypassingTheCache() {
        OpenAiStub.reset();
        OpenAiStub.answer(Map.of("enhanced", "A lighthouse on a cliff, storm waves crashing below, night."));
        OwnServices.stopRedis();

        for (int i = 0; i < 2; i++) {
            given().config(PROMPT).contentType(ContentType.JSON).body(Map.of("prompt", "a lighthouse in a storm"))
                    .when().post("/api/v1/enhance")
                    .then().statusCode(200)
                    .body("engine", equalTo("llm"))
                    .body("cached", equalTo(false));
        }
        assertThat(OpenAiStub.calls()).isEqualTo(2);
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("shotcraft_ai_cache_total{result=\"error\",task=\"enhance\"}");
    }

    @Test
    void withPostgresDownReadinessIsDownAndJobCallsAnswer503() {
        OwnServices.stopPostgres();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().config(PROMPT).get("/q/health/ready")
                .then().statusCode(503).body("status", equalTo("DOWN")));
        given().config(PROMPT).when().get("/api/v1/jobs/" + UUID.randomUUID())
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/service-unavailable"));
        given().config(PROMPT).contentType(ContentType.JSON).body(Map.of("kind", "test.steps", "input", Map.of("steps", 1)))
                .when().post("/api/v1/jobs").then().statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void aStreamCutByARedisOutageEndsWithAFinalEventSayingWhereToResume() throws Exception {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(2, gate);
        Gates.open(gate, 1);
        var stream = SseClient.open(jobs.resolve(id + "/events"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
        var seen = stream.events.getLast().id();

        OwnServices.stopRedis();

        var events = stream.closed.get(15, java.util.concurrent.TimeUnit.SECONDS);
        var last = events.getLast();
        assertThat(last.name()).isEqualTo("stream_error");
        assertThat(last.data()).contains("\"last_event_id\":\"" + events.get(events.size() - 2).id() + "\"");
        assertThat(events.get(events.size() - 2).id()).isGreaterThanOrEqualTo(seen);
        Gates.open(gate, 2);
    }

    @Test
    void aJobRunningThroughAPostgresRestartEndsAndItsStreamSaysSo() throws Exception {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(2, gate);
        Gates.open(gate, 1);
        var stream = SseClient.open(jobs.resolve(id + "/events"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());

        try (var log = LogCapture.from(java.util.logging.Level.ALL)) {
            OwnServices.stopPostgres();
            Gates.open(gate, 2);
            // The job's next write finds PostgreSQL down and the job fails; writing that outcome is tried again until
            // PostgreSQL is back. Started again once the job has met the outage:
            await().atMost(Duration.ofSeconds(20)).until(() -> log.lines().stream().anyMatch(line -> line.contains(id)));
            OwnServices.startPostgres();
        }

        // Either its failure is recorded once PostgreSQL is back, or (when that took longer than lost-after) the job is
        // taken over and run again to the end; either way the record and the stream agree on how it ended.
        var events = stream.closed.get(40, java.util.concurrent.TimeUnit.SECONDS);
        var last = events.getLast();
        if ("failed".equals(last.name())) {
            assertThat(last.data()).contains("service-unavailable");
            TestJobs.awaitStatus(id, "failed");
        } else {
            assertThat(last.name()).isEqualTo("completed");
            assertThat(events).extracting(SseClient.Event::name).contains("restarted");
            TestJobs.awaitStatus(id, "succeeded");
        }
    }

    @Test
    void underSteadySubmissionsARedisRestartLosesNoAcceptedJobAndStoresNoRefusedOne() throws Exception {
        // Back empty, as a Redis without persistence restarts: the queue and every event stream are gone.
        steadySubmissionsThrough(OwnServices::stopRedis, OwnServices::startRedis);
    }

    @Test
    void underSteadySubmissionsAPostgresRestartLosesNoAcceptedJobAndStoresNoRefusedOne() throws Exception {
        steadySubmissionsThrough(OwnServices::stopPostgres, OwnServices::startPostgres);
    }

    /**
     * Submits jobs back to back while a service stops and starts again: every job accepted (202) ends, most of them
     * succeeded (one running as the service went away may fail, saying why), each stream ends with a final event, and no
     * refused job (503) left a row.
     */
    private void steadySubmissionsThrough(Runnable stopService, Runnable startService) throws Exception {
        long before = jobRows();
        var accepted = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var refused = new java.util.concurrent.atomic.AtomicInteger();
        var other = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var restartedAt = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        var submitter = new Thread(() -> {
            while (!stop.get()) {
                var response = given().config(PROMPT).contentType(ContentType.JSON)
                        .body(Map.of("kind", "test.steps", "input", Map.of("steps", 2))).when().post("/api/v1/jobs");
                switch (response.statusCode()) {
                    case 202 -> accepted.add(response.path("id"));
                    case 503 -> refused.incrementAndGet();
                    default -> other.add(response.statusCode());
                }
            }
        });
        submitter.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> accepted.size() >= 20);
            stopService.run();
            await().atMost(Duration.ofSeconds(20)).until(() -> refused.get() >= 10);
            startService.run();
            int atRestart = accepted.size();
            restartedAt.set(atRestart);
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= atRestart + 20);
        } finally {
            stop.set(true);
            submitter.join(15_000);
        }

        assertThat(other).isEmpty();
        var outcomes = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < accepted.size(); i++) {
            var id = accepted.get(i);
            var job = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> TestJobs.get(id), j -> java.util.Set.of("succeeded", "failed").contains(j.getString("status")));
            outcomes.merge(job.getString("status"), 1, Integer::sum);
            if ("failed".equals(job.getString("status"))) {
                // Only a job in flight while the service was away may fail, and it says why.
                assertThat(i).as("job %s accepted after the restart failed", id).isLessThan(restartedAt.get());
                assertThat(job.getString("error.type")).endsWith("/service-unavailable");
                assertThat(job.getString("error.detail")).isNotBlank();
            }
            var events = SseClient.open(jobs.resolve(id + "/events"), null).closed.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(events).last().extracting(SseClient.Event::name).isIn("completed", "failed");
        }
        assertThat(jobRows() - before).isEqualTo(accepted.size());
        // How many were in flight at the outage depends on the machine's speed; those accepted after it all succeeded.
        assertThat(outcomes.getOrDefault("succeeded", 0)).isGreaterThanOrEqualTo(accepted.size() - restartedAt.get());
    }

    private static long jobRows() {
        try (var db = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "shotcraft", "shotcraft"); var rows = db.createStatement().executeQuery("SELECT count(*) FROM job")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void idleStreamsGetKeepAliveComments() throws Exception {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(1, gate);
        var stream = SseClient.open(jobs.resolve(id + "/events"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments.size() >= 2);
        assertThat(stream.comments).allMatch("keep-alive"::equals);
        assertThat(stream.events).isEmpty();
        Gates.open(gate, 1);
        assertThat(stream.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).last()
                .extracting(SseClient.Event::name).isEqualTo("completed");
    }
}
