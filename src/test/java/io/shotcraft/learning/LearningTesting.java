package io.shotcraft.learning;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Studies, trials and ratings through the public API. */
final class LearningTesting {

    static final String BASE = "/api/v1/learning/studies";

    private LearningTesting() {
    }

    /** A study with the design's defaults and a fixed seed; its id. */
    static String study(String name) {
        return study(Map.of("name", name, "seed", 7));
    }

    static String study(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(BASE)
                .then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    /** Starts a trial; its id (the job's). */
    static String startTrial(String study, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(BASE + "/" + study + "/trials")
                .then().statusCode(202).extract().path("id");
    }

    /** Waits for a job to end and returns it. */
    static JsonPath awaitJob(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25))
                .until(() -> given().when().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath(),
                        job -> List.of("succeeded", "failed", "cancelled").contains(job.getString("status")));
    }

    /** Draws a trial and waits until it can be rated; the trial. */
    static JsonPath trial(String study) {
        var id = startTrial(study, Map.of("prompt", "a sunlit living room with an oak floor"));
        var job = awaitJob(id);
        if (!"succeeded".equals(job.getString("status"))) {
            throw new AssertionError("trial job " + id + " ended " + job.prettify());
        }
        return given().when().get(BASE + "/" + study + "/trials/" + id).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> ratings(JsonPath trial, int a, int b) {
        var body = new LinkedHashMap<String, Object>();
        body.put("experiment_id", trial.getString("experiment_id"));
        body.put("ratings", new java.util.ArrayList<>(List.of(
                Map.of("option", "A", "image_id", trial.getString("options[0].image_id"), "rating", a),
                Map.of("option", "B", "image_id", trial.getString("options[1].image_id"), "rating", b))));
        body.put("rated_by", "trainer@example.com");
        return body;
    }

    static JsonPath rate(String study, JsonPath trial, int a, int b) {
        return given().contentType(ContentType.JSON).body(ratings(trial, a, b))
                .when().post(BASE + "/" + study + "/ratings")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath status(String study) {
        return given().when().get(BASE + "/" + study + "/status").then().statusCode(200).extract().jsonPath();
    }
}
