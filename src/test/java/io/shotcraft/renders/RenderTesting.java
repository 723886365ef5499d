package io.shotcraft.renders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.SseClient;

/** Starts renders and follows them through the public API. */
final class RenderTesting {

    static final String PROMPT = "A teal robot cooking food in a kitchen at dawn, warm orange light";

    private RenderTesting() {
    }

    /** A request body: the prompt, then name/value pairs (a null value leaves the field out). */
    static Map<String, Object> body(Object... pairs) {
        var body = new LinkedHashMap<String, Object>();
        body.put("prompt", PROMPT);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                body.remove((String) pairs[i]);
            } else {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    /** Starts a render; its id. */
    static String start(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/renders")
                .then().statusCode(202)
                .extract().path("id");
    }

    static JsonPath render(String id) {
        return given().when().get("/api/v1/renders/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the render has the status and returns it as then. */
    static JsonPath awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> render(id), r -> status.equals(r.getString("status")));
    }

    /** Every event of the render's job, once its stream has closed after the terminal one. */
    static List<SseClient.Event> events(URI jobs, String id) {
        var stream = SseClient.open(jobs.resolve(id + "/events"), null);
        return await().atMost(Duration.ofSeconds(20)).until(() -> stream.closed.isDone() ? stream.closed.join() : null,
                events -> events != null);
    }

    static List<String> names(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::name).toList();
    }
}
