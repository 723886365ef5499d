package io.shotcraft.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.LogCapture;
import io.shotcraft.testing.SseClient;
import io.shotcraft.testing.TestJobs;
import io.quarkus.test.common.http.TestHTTPResource;

import java.net.URI;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Health probes, Prometheus metrics and the API description that operators and clients rely on. */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Test
    void readinessChecksPostgresAndWellnessRedis() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItems("redis")));
        given().when().get("/q/health/well").then().statusCode(200).body("checks.name", hasItems("redis"));
        given().when().get("/q/health").then().statusCode(200)
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "redis"));
    }

    @Test
    void everyLogLineOfARequestCarriesItsRequestIdAndUserTextStaysOnOneLine() {
        try (var log = LogCapture.from(java.util.logging.Level.ALL)) {
            var id = "obs-" + java.util.UUID.randomUUID();
            given().contentType("application/json").header("X-Request-Id", id)
                    .body(java.util.Map.of("prompt", "a fox\nINFO forged line", "options", java.util.Map.of("engine", "offline")))
                    .when().post("/api/v1/enhance").then().statusCode(200);
            var ours = log.records().stream()
                    .filter(r -> r.getLoggerName().startsWith("io.shotcraft") && id.equals(r.getMdc("request_id"))).toList();
            assertThat(ours).as("log records of the request, with its id").isNotEmpty();
            assertThat(ours).allSatisfy(r -> assertThat(r.getFormattedMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void metricsCountJobsByKindAndOutcomeAndOpenStreams() {
        TestJobs.awaitStatus(TestJobs.submit(1), "succeeded");
        TestJobs.awaitStatus(TestJobs.submit(2, null, 1), "failed");

        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(1, gate);
        var stream = SseClient.open(jobs.resolve(id + "/events"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("shotcraft_sse_streams_open") >= 1);
        io.shotcraft.testing.Gates.open(gate, 1);
        stream.closed.join();

        var text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(text)
                .contains("shotcraft_jobs_finished_total{kind=\"test.steps\",outcome=\"succeeded\"}")
                .contains("shotcraft_jobs_finished_total{kind=\"test.steps\",outcome=\"failed\"}")
                .contains("shotcraft_jobs_duration_seconds_count{kind=\"test.steps\",outcome=\"succeeded\"}")
                .contains("shotcraft_jobs_running")
                .contains("http_server_requests_seconds_count");
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("shotcraft_sse_streams_open") == 0);
    }

    @Test
    void theApiIsDescribedWithTags() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Shotcraft API"))
                .body("tags.name", hasItems("Jobs", "Enhance", "Clips"))
                .body("paths.'/api/v1/enhance'.post.summary", equalTo("Enhance a prompt"))
                .body("paths.'/api/v1/clip-prompts'.post.summary", equalTo("Write one prompt per clip"))
                .body("paths.'/api/v1/jobs/clip-prompts'.post.summary", equalTo("Write one prompt per clip, as a job"))
                .body("components.schemas.ClipPrompts.properties.clip_prompts.type", equalTo("array"))
                .body("components.schemas.ClipPrompts.properties.clipPrompts", nullValue())
                .body("components.schemas.EnhanceRequest.properties.max_words.type", equalTo("integer"))
                .body("paths.'/api/v1/jobs/{id}/events'.get.summary", equalTo("A job's events as Server-Sent Events"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static double metric(String name) {
        var text = given().when().get("/q/metrics").then().extract().asString();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
