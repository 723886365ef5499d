package io.shotcraft.renders;

import static io.restassured.RestAssured.given;
import static io.shotcraft.renders.RenderTesting.PROMPT;
import static io.shotcraft.renders.RenderTesting.awaitStatus;
import static io.shotcraft.renders.RenderTesting.body;
import static io.shotcraft.renders.RenderTesting.events;
import static io.shotcraft.renders.RenderTesting.names;
import static io.shotcraft.renders.RenderTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shotcraft.renders.backend.MediaTypes;

/**
 * Renders with the built-in offline backend through the API: the job's events, the stored preview served with its
 * headers, the render's record, the list, and bad input answered as problems naming the field.
 */
@QuarkusTest
class RenderOfflineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Test
    void anOfflineRenderIsFollowedToItsPreview() throws IOException {
        var response = given().contentType(ContentType.JSON)
                .body(body("negative_prompt", "blurry", "parameters", Map.of("width", 640, "height", 360, "seed", 42),
                        "source", Map.of("kind", "session", "session_id", "6f1c0f44-8a5e-4c8e-9a57-1d2b3c4d5e6f", "revision", 2)))
                .when().post("/api/v1/renders")
                .then().statusCode(202)
                .body("kind", equalTo("renders.render"))
                .extract();
        var id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith("/api/v1/renders/" + id);

        var events = events(jobs, id);
        assertThat(names(events)).containsExactly("stage_update", "render_progress", "progress", "render_result", "stage_update",
                "completed");
        var progress = JSON.readTree(events.get(1).data());
        assertThat(progress.path("backend").asText()).isEqualTo("offline");
        assertThat(progress.path("status").asText()).isEqualTo("drawing");
        var result = JSON.readTree(events.get(3).data());
        assertThat(result.path("preview").asBoolean()).isTrue();
        assertThat(result.path("engine").asText()).isEqualTo("offline");
        assertThat(result.path("backend").asText()).isEqualTo("offline");
        assertThat(result.path("model").asText()).isEqualTo("shotcraft-preview-1");
        var output = result.path("outputs").path(0);
        assertThat(output.path("url").asText()).isEqualTo("/api/v1/renders/" + id + "/output/0");
        assertThat(output.path("width").asInt()).isEqualTo(640);

        var render = RenderTesting.render(id);
        assertThat(render.getString("status")).isEqualTo("succeeded");
        assertThat(render.getBoolean("preview")).isTrue();
        assertThat(render.getString("backend")).isEqualTo("offline");
        assertThat(render.getString("inputs.prompt")).isEqualTo(PROMPT);
        assertThat(render.getString("inputs.negative_prompt")).isEqualTo("blurry");
        assertThat(render.getInt("inputs.parameters.seed")).isEqualTo(42);
        assertThat(render.getString("inputs.source.kind")).isEqualTo("session");
        assertThat(render.getList("outputs")).hasSize(1);
        assertThat(render.getString("outputs[0].content_type")).isEqualTo("image/png");
        assertThat(render.getDouble("cost_usd")).isZero();
        assertThat(render.getLong("timing.total_ms")).isNotNegative();
        assertThat(render.getString("created_at")).isNotBlank();
        assertThat(render.getString("finished_at")).isNotBlank();

        var download = given().when().get("/api/v1/renders/" + id + "/output/0").then().statusCode(200)
                .header("Content-Type", "image/png")
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .header("Content-Disposition", startsWith("inline; filename=\"render-"))
                .extract();
        var bytes = download.asByteArray();
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
        assertThat((long) bytes.length).isEqualTo(render.getLong("outputs[0].bytes"));
        assertThat(download.header("ETag")).isEqualTo("\"" + render.getString("outputs[0].sha256") + "\"");
        // The bytes stored are the bytes served (OfflineRendererTest decodes such a PNG fully).
        assertThat(RenderService.sha256(bytes)).isEqualTo(render.getString("outputs[0].sha256"));
        assertThat(MediaTypes.pngSize(bytes)).containsExactly(640, 360);

        given().header("If-None-Match", download.header("ETag")).when().get("/api/v1/renders/" + id + "/output/0")
                .then().statusCode(304);
    }

    @Test
    void theSameRequestRendersTheSameBytes() {
        var request = body("parameters", Map.of("width", 256, "height", 256));
        var first = start(request);
        var second = start(request);
        awaitStatus(first, "succeeded");
        awaitStatus(second, "succeeded");
        assertThat(RenderTesting.render(first).getString("outputs[0].sha256"))
                .isEqualTo(RenderTesting.render(second).getString("outputs[0].sha256"));
    }

    @Test
    void rendersAreListedMostRecentFirstInPages() {
        var older = start(body("parameters", Map.of("width", 64, "height", 64)));
        awaitStatus(older, "succeeded");
        var newer = start(body("parameters", Map.of("width", 64, "height", 64)));
        awaitStatus(newer, "succeeded");

        var page = given().when().get("/api/v1/renders?limit=1&backend=offline").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(newer);
        var next = page.getString("next_cursor");
        assertThat(next).isNotBlank();
        var second = given().queryParam("limit", 1).queryParam("cursor", next).when().get("/api/v1/renders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(older);

        given().when().get("/api/v1/renders?status=succeeded&limit=100").then().statusCode(200)
                .body("items.status", not(hasItem("failed")));
        problem(given().when().get("/api/v1/renders?limit=0"), 400, "limit");
        problem(given().when().get("/api/v1/renders?cursor=nonsense"), 400, "cursor");
        problem(given().when().get("/api/v1/renders?status=done"), 400, "status");
    }

    @Test
    void theBackendsSayWhichAreEnabled() {
        var backends = given().when().get("/api/v1/renders/backends").then().statusCode(200).extract().jsonPath();
        assertThat(backends.getList("name")).startsWith("offline").contains("openai-images", "predictions", "leonardo");
        assertThat(backends.getList("enabled", Boolean.class)).containsOnly(true);
        assertThat(backends.getList("find { it.name == 'predictions' }.target_groups")).containsExactly("stable_diffusion");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        invalid(body("prompt", " "), "prompt");
        invalid(body("prompt", "a\u0000b"), "prompt");
        invalid(body("backend", "dall-e"), "backend");
        invalid(body("parameters", Map.of("width", 640)), "parameters.height");
        invalid(body("parameters", Map.of("width", 10, "height", 64)), "parameters.width");
        invalid(body("parameters", Map.of("width", 640, "height", 360, "aspect_ratio", "16:9")), "parameters.aspect_ratio");
        invalid(body("parameters", Map.of("aspect_ratio", "wide")), "parameters.aspect_ratio");
        invalid(body("parameters", Map.of("count", 5)), "parameters.count");
        invalid(body("parameters", Map.of("seed", -1)), "parameters.seed");
        invalid(body("parameters", Map.of("steps", "many")), "parameters.steps");
        invalid(body("backend", "openai-images", "parameters", Map.of("duration_seconds", 5)), "parameters.duration_seconds");
        invalid(body("source", Map.of("kind", "album")), "source.kind");
        invalid(body("source", Map.of("kind", "clip", "job_id", "6f1c0f44-8a5e-4c8e-9a57-1d2b3c4d5e6f")), "source.clip_index");
        invalid(body("source", Map.of("kind", "session", "session_id", "not-a-uuid")), "source.session_id");
        // The generic jobs endpoint reads the same input, fields under input.
        problem(given().contentType(ContentType.JSON).body(Map.of("kind", "renders.render", "input", Map.of("prompt", "")))
                .when().post("/api/v1/jobs"), 400, "input.prompt");
    }

    @Test
    void unknownRendersAndOutputsAreNotFound() {
        problem(given().when().get("/api/v1/renders/6f1c0f44-8a5e-4c8e-9a57-1d2b3c4d5e6f"), 404, null);
        problem(given().when().delete("/api/v1/renders/6f1c0f44-8a5e-4c8e-9a57-1d2b3c4d5e6f"), 404, null);
        given().when().get("/api/v1/renders/nope").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://shotcraft.io/problems/invalid-id"));
        var id = start(body("parameters", Map.of("width", 64, "height", 64)));
        awaitStatus(id, "succeeded");
        problem(given().when().get("/api/v1/renders/" + id + "/output/1"), 404, null);
        problem(given().when().get("/api/v1/renders/" + id + "/output/x"), 400, "n");
        // A finished render cannot be cancelled.
        given().when().delete("/api/v1/renders/" + id).then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    private static void invalid(Map<String, Object> body, String field) {
        problem(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/renders"), 400, field);
    }

    private static void problem(io.restassured.response.Response response, int status, String field) {
        var then = response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("detail", not(org.hamcrest.Matchers.containsString("Exception")));
        if (field != null) {
            then.body("errors.field", hasItem(field));
        }
    }

}
