package io.shotcraft.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.Instance;
import io.shotcraft.testing.OpenAiStub;
import io.shotcraft.testing.SseClient;

/**
 * Two instances of the packaged service (two processes on one PostgreSQL and Redis) share the job queue: jobs sent
 * to one run on both and stream from either; the job of an instance killed with {@code kill -9} completes on the other,
 * once; an instance stopped with {@code SIGTERM} drains without losing a job. The jobs are target-prompt jobs whose
 * model (a WireMock stub) answers after a delay, so they are running when an instance goes away.
 */
class TwoInstancesIT {

    private static final Duration CLAIM_AFTER = Duration.ofSeconds(5);
    private static final String ANSWER = "A lone samurai walks slowly through a misty bamboo forest at dawn, his worn armour "
            + "catching the first light. Low tracking shot on a 35mm lens, soft golden backlight through the stalks.";

    private static final OpenAiStub MODEL = new OpenAiStub();
    private static Instance a;
    private static Instance b;
    private static int submitted;

    @BeforeAll
    static void start() {
        var model = MODEL.start();
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.username", "shotcraft");
        settings.put("quarkus.datasource.password", "shotcraft");
        settings.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/shotcraft_test");
        settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/shotcraft_test");
        settings.put("quarkus.redis.hosts", "redis://127.0.0.1:6379");
        settings.put("quarkus.log.console.json.enabled", "false");
        settings.put("shotcraft.ai.base-url", model.get("shotcraft.ai.base-url"));
        settings.put("shotcraft.ai.api-key", model.get("shotcraft.ai.api-key"));
        settings.put("shotcraft.jobs.queue.key", "shotcraft:it:jobs:queue");
        settings.put("shotcraft.jobs.heartbeat-interval", "PT0.5S");
        settings.put("shotcraft.jobs.queue.claim-after", "PT" + CLAIM_AFTER.toSeconds() + "S");
        settings.put("quarkus.shutdown.delay", "PT6S");
        settings.put("quarkus.shutdown.timeout", "PT2S");
        a = Instance.start("a", settings);
        b = Instance.start("b", settings);
    }

    @AfterAll
    static void stop() {
        for (var instance : new Instance[] { a, b }) {
            if (instance != null) {
                instance.close();
            }
        }
        MODEL.stop();
    }

    @BeforeEach
    void bothRunning() {
        for (var instance : List.of(a, b)) {
            if (!instance.alive()) {
                instance.start();
            }
        }
    }

    @Test
    void jobsSentToOneInstanceRunOnBothAndStreamFromEither() throws Exception {
        answerAfter(Duration.ofMillis(300));
        double startedA = a.metric("shotcraft_jobs_started_total");
        double startedB = b.metric("shotcraft_jobs_started_total");

        var ids = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            ids.add(submit(a));
        }
        java.time.OffsetDateTime first = null;
        java.time.OffsetDateTime last = null;
        for (var id : ids) {
            var job = awaitEnd(a, id);
            assertThat(job.getString("status")).isEqualTo("succeeded");
            var created = java.time.OffsetDateTime.parse(job.getString("created_at"));
            var finished = java.time.OffsetDateTime.parse(job.getString("finished_at"));
            first = first == null || created.isBefore(first) ? created : first;
            last = last == null || finished.isAfter(last) ? finished : last;
        }
        // Server time, from the first job accepted to the last one finished (the test's own polling left out).
        System.out.printf("100 jobs (300 ms of model time each) sent to one of two instances: all done %d ms after the "
                + "first was accepted%n", Duration.between(first, last).toMillis());

        double onA = a.metric("shotcraft_jobs_started_total") - startedA;
        double onB = b.metric("shotcraft_jobs_started_total") - startedB;
        assertThat(onA + onB).isEqualTo(100);
        assertThat(onA).as("jobs run on the instance they were sent to").isPositive();
        assertThat(onB).as("jobs run on the other instance").isPositive();
        // Every event of a job, whichever instance ran it, streams from either, with the same ids.
        for (var id : ids.subList(0, 10)) {
            var fromA = SseClient.open(a.uri("/api/v1/jobs/" + id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
            var fromB = SseClient.open(b.uri("/api/v1/jobs/" + id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
            assertThat(fromB).isEqualTo(fromA);
            assertThat(fromB).last().extracting(SseClient.Event::name).isEqualTo("completed");
        }
    }

    @Test
    void theJobsOfAKilledInstanceCompleteOnTheOtherOnce() throws Exception {
        answerAfter(Duration.ofSeconds(4));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit(a));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.metric("shotcraft_jobs_running") > 0 && b.metric("shotcraft_jobs_running") > 0);

        long killedAt = System.nanoTime();
        b.kill();

        var restarted = 0;
        for (var id : ids) {
            var job = awaitEnd(a, id);
            assertThat(job.getString("status")).isEqualTo("succeeded");
            var events = SseClient.open(a.uri("/api/v1/jobs/" + id + "/events"), null).closed.get(10, TimeUnit.SECONDS);
            assertThat(events).extracting(SseClient.Event::name).containsOnlyOnce("completed");
            if (job.getInt("attempts") == 2) {
                restarted++;
                assertThat(events).extracting(SseClient.Event::name).contains("restarted");
            }
        }
        Duration recovered = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(restarted).as("the killed instance's jobs, started again").isPositive();
        // Taken over within the claim time (checked every half of it), then run again (4 s of model time).
        assertThat(recovered).isLessThan(CLAIM_AFTER.multipliedBy(2).plusSeconds(4 + 3));
        System.out.printf("kill -9 with %d job(s) running there: all done on the other instance %d ms after the kill%n",
                restarted, recovered.toMillis());
    }

    @Test
    void anInstanceStoppedWithSigtermDrainsWithoutLosingAJob() throws Exception {
        answerAfter(Duration.ofSeconds(3));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            ids.add(submit(a));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> a.metric("shotcraft_jobs_running") > 0 && b.metric("shotcraft_jobs_running") > 0);
        var stream = SseClient.open(b.uri("/api/v1/jobs/" + ids.getLast() + "/events"), null);

        b.terminate();

        // Out of service at once (readiness DOWN) while it drains; its streams end telling clients to reconnect.
        await().atMost(Duration.ofSeconds(3)).until(() -> b.status("/q/health/ready") == 503);
        var events = stream.closed.get(10, TimeUnit.SECONDS);
        var last = events.getLast();
        assertThat(last.name()).isIn("stream_error", "completed");
        if ("stream_error".equals(last.name())) {
            assertThat(last.data()).contains("shutting_down");
        }
        b.waitForExit();
        for (var id : ids) {
            var job = awaitEnd(a, id);
            assertThat(job.getString("status")).isEqualTo("succeeded");
            assertThat(job.getInt("attempts")).as("a job handed back is not a retry").isEqualTo(1);
        }
    }

    private static void answerAfter(Duration delay) {
        OpenAiStub.reset();
        OpenAiStub.slow(Map.of("prompts", Map.of("SORA_2_A", ANSWER, "SORA_1_A", ANSWER)), (int) delay.toMillis());
    }

    /** A target-prompts job for Sora, each with its own prompt (the same prompt would be answered from the cache). */
    private static String submit(Instance instance) {
        var prompt = "a lone samurai in a misty bamboo forest at dawn, take " + (++submitted) + " " + System.nanoTime();
        return given().contentType(ContentType.JSON)
                .body(Map.of("category", "image_generation", "groups", List.of("sora"), "prompt", prompt))
                .when().post(instance.uri("/api/v1/jobs/targets").toString())
                .then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitEnd(Instance instance, String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get(instance.uri("/api/v1/jobs/" + id).toString()).then().statusCode(200).extract().jsonPath(),
                        job -> List.of("succeeded", "failed", "cancelled").contains(job.getString("status")));
    }
}
