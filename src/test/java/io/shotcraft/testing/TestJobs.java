package io.shotcraft.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Submits and watches {@link StepsJobKind} jobs through the public API. */
public final class TestJobs {

    private TestJobs() {
    }

    public static String submit(int steps) {
        return submit(steps, null, 0);
    }

    public static String submitGated(int steps, String gate) {
        return submit(steps, gate, 0);
    }

    public static String submit(int steps, String gate, int failAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("steps", steps);
        if (gate != null) {
            input.put("gate", gate);
        }
        if (failAt > 0) {
            input.put("fail_at", failAt);
        }
        return given().contentType(ContentType.JSON)
                .body(Map.of("kind", StepsJobKind.NAME, "input", input))
                .when().post("/api/v1/jobs")
                .then().statusCode(202)
                .extract().path("id");
    }

    public static String newGate() {
        return "gate-" + UUID.randomUUID();
    }

    public static JsonPath get(String id) {
        return given().when().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the job has the given status and returns it as then. */
    public static JsonPath awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> get(id), job -> status.equals(job.getString("status")));
    }
}
