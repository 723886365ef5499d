package io.shotcraft.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every error path answers RFC 9457 problem+json with a stable type and no stack trace. */
@QuarkusTest
class ProblemResponsesTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/" + type))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body(not(containsString("\tat ")))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownRouteIs404() {
        problem(given().when().get("/api/v1/nothing-here").then(), 404, "not-found")
                .body("instance", equalTo("/api/v1/nothing-here"));
        problem(given().contentType(ContentType.JSON).body("{}").when().post("/api/v2/jobs").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        problem(given().contentType(ContentType.JSON).body("{}").when().put("/api/v1/jobs").then(), 405, "method-not-allowed")
                .body("detail", equalTo("PUT is not allowed on /api/v1/jobs"));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        problem(given().contentType(ContentType.TEXT).body("kind=test.steps").when().post("/api/v1/jobs").then(),
                415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        problem(given().contentType(ContentType.JSON).body("{\"kind\": \"test.steps\",\n \"input\": {\"steps\": 2,,}}")
                .when().post("/api/v1/jobs").then(), 400, "malformed-json")
                .body("detail", containsString("line 2"));
        problem(given().contentType(ContentType.JSON).body("{\"kind\": [1, 2]}")
                .when().post("/api/v1/jobs").then(), 400, "malformed-json")
                .body("detail", containsString("kind"))
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void beanValidationIs400WithOneErrorPerField() {
        problem(given().contentType(ContentType.JSON).body(Map.of("kind", " "))
                .when().post("/api/v1/jobs").then(), 400, "validation")
                .body("errors.field", hasItem("kind"))
                .body("errors[0].message", not(equalTo(null)));
        problem(given().contentType(ContentType.JSON).body("")
                .when().post("/api/v1/jobs").then(), 400, "validation");
    }

    @Test
    void bodyOverTheLimitIs413() {
        var big = "{\"kind\":\"test.steps\",\"input\":{\"text\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}}";
        problem(given().contentType(ContentType.JSON).body(big).when().post("/api/v1/jobs").then(), 413, "payload-too-large");
    }

    @Test
    void invalidUuidInPathIs400() {
        problem(given().when().get("/api/v1/jobs/not-a-uuid").then(), 400, "invalid-id")
                .body("detail", containsString("not-a-uuid"));
        problem(given().when().delete("/api/v1/jobs/123").then(), 400, "invalid-id");
    }

    @Test
    void unknownJobIs404() {
        var id = UUID.randomUUID();
        problem(given().when().get("/api/v1/jobs/" + id).then(), 404, "not-found")
                .body("detail", containsString(id.toString()));
        problem(given().when().delete("/api/v1/jobs/" + id).then(), 404, "not-found");
    }
}
