package io.shotcraft.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shotcraft.testing.Gates;
import io.shotcraft.testing.SseClient;
import io.shotcraft.testing.TestJobs;
import io.restassured.RestAssured;

@QuarkusTest
class JobLifecycleTest {

    @Test
    void aJobIsAcceptedQueuedThenRunsToItsResult() {
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "test.steps", "input", Map.of("steps", 3)))
                .when().post("/api/v1/jobs")
                .then().statusCode(202)
                .header("Location", notNullValue())
                .body("kind", equalTo("test.steps"))
                .body("status", equalTo("queued"))
                .body("progress", equalTo(0))
                .body("input.steps", equalTo(3))
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + id);
        assertThat((String) response.path("events_url")).isEqualTo("/api/v1/jobs/" + id + "/events");

        var done = TestJobs.awaitStatus(id, "succeeded");
        assertThat(done.getInt("progress")).isEqualTo(100);
        assertThat(done.getString("stage")).isEqualTo("step 3");
        assertThat(done.getMap("result")).containsEntry("steps", 3).containsEntry("sum", 6);
        assertThat(done.getString("error")).isNull();
        var created = OffsetDateTime.parse(done.getString("created_at"));
        var started = OffsetDateTime.parse(done.getString("started_at"));
        var finished = OffsetDateTime.parse(done.getString("finished_at"));
        assertThat(started).isAfterOrEqualTo(created);
        assertThat(finished).isAfterOrEqualTo(started);
    }

    @Test
    void progressAndStageAreVisibleWhileTheJobRuns() {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(4, gate);
        TestJobs.awaitStatus(id, "running");

        Gates.open(gate, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestJobs.get(id).getInt("progress") == 25);
        var running = TestJobs.get(id);
        assertThat(running.getString("status")).isEqualTo("running");
        assertThat(running.getString("stage")).isEqualTo("step 1");
        assertThat(running.getString("result")).isNull();

        Gates.openAll(gate, 4);
        TestJobs.awaitStatus(id, "succeeded");
    }

    @Test
    void aFailingJobEndsFailedWithAProblem() {
        var id = TestJobs.submit(3, null, 2);
        var failed = TestJobs.awaitStatus(id, "failed");
        assertThat(failed.getString("error.type")).isEqualTo("https://shotcraft.io/problems/job-failed");
        assertThat(failed.getString("error.detail")).isEqualTo("Step 2 failed on purpose");
        assertThat(failed.getInt("error.status")).isEqualTo(500);
        assertThat(failed.getInt("progress")).isEqualTo(33);
        assertThat(failed.getString("result")).isNull();
        assertThat(failed.getString("finished_at")).isNotNull();

        var events = SseClient.open(RestAssured.baseURI == null ? null : java.net.URI.create(url(id)), null).closed.join();
        assertThat(events).extracting(SseClient.Event::name).containsExactly("tick", "progress", "failed");
        assertThat(events.getLast().data()).contains("Step 2 failed on purpose");
    }

    @Test
    void aRunningJobCanBeCancelledAndStaysCancelled() {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(3, gate);
        TestJobs.awaitStatus(id, "running");
        Gates.open(gate, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestJobs.get(id).getInt("progress") == 33);

        given().when().delete("/api/v1/jobs/" + id)
                .then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("error.type", endsWith("/job-cancelled"));

        // The work no longer advances even when its next steps are let through.
        Gates.openAll(gate, 3);
        var events = SseClient.open(java.net.URI.create(url(id)), null).closed.join();
        assertThat(events).extracting(SseClient.Event::name).containsExactly("tick", "progress", "failed");
        var cancelled = TestJobs.get(id);
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getInt("progress")).isEqualTo(33);

        given().when().delete("/api/v1/jobs/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/conflict"));
    }

    @Test
    void anEndedJobCannotBeCancelled() {
        var id = TestJobs.submit(1);
        TestJobs.awaitStatus(id, "succeeded");
        given().when().delete("/api/v1/jobs/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(TestJobs.get(id).getString("status")).isEqualTo("succeeded");
    }

    @Test
    void badJobRequestsAreRefusedBeforeAnythingRuns() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "no.such.kind", "input", Map.of()))
                .when().post("/api/v1/jobs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/validation"))
                .body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "test.steps", "input", Map.of("steps", 0)))
                .when().post("/api/v1/jobs")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("input.steps"));
    }

    static String url(String id) {
        return RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/jobs/" + id + "/events";
    }
}
