package io.shotcraft.renders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.shotcraft.renders.BackendTesting.failure;
import static io.shotcraft.renders.BackendTesting.gets;
import static io.shotcraft.renders.BackendTesting.json;
import static io.shotcraft.renders.BackendTesting.posts;
import static io.shotcraft.renders.RenderTesting.awaitStatus;
import static io.shotcraft.renders.RenderTesting.body;
import static io.shotcraft.renders.RenderTesting.events;
import static io.shotcraft.renders.RenderTesting.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.RenderBackendsStub;
import io.shotcraft.testing.SseClient;

/**
 * The predictions backend against a stubbed create-then-poll API: a prediction followed through every status to its
 * output, failed and canceled predictions, a render cancelled by the client (and at the backend), a rate-limited poll,
 * and downloads that are too large, of the wrong type or too slow.
 */
@QuarkusTest
class RenderPredictionsTest {

    static final String CREATE = "/replicate/v1/predictions";

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @BeforeEach
    @AfterEach
    void healthyBackends() {
        BackendTesting.reset();
    }

    static Map<String, Object> prediction(String id, String status, Object output, String logs) {
        var p = new LinkedHashMap<String, Object>();
        p.put("id", id);
        p.put("status", status);
        p.put("output", output);
        p.put("error", null);
        p.put("logs", logs);
        return p;
    }

    static void created(String id) {
        RenderBackendsStub.server().stubFor(post(urlEqualTo(CREATE))
                .withHeader("Authorization", equalTo("Bearer " + RenderBackendsStub.PREDICTIONS_TOKEN))
                .willReturn(json(201, prediction(id, "starting", null, ""))));
    }

    /** The poll of prediction {@code id} answers each of {@code answers} in turn, then the last one forever. */
    static void polls(String id, ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            var next = i + 1 < answers.length ? "poll-" + (i + 1) : state;
            RenderBackendsStub.server().stubFor(get(urlEqualTo(CREATE + "/" + id)).inScenario(id).whenScenarioStateIs(state)
                    .willReturn(answers[i]).willSetStateTo(next));
            state = next;
        }
    }

    static Map<String, Object> request() {
        return body("backend", "predictions", "model", "stability-ai/sdxl:39ed52f2", "negative_prompt", "blurry",
                "parameters", Map.of("aspect_ratio", "16:9", "seed", 7, "steps", 30, "guidance", 7.5));
    }

    @Test
    void aPredictionIsPolledThroughEveryStatusToItsOutput() throws Exception {
        created("p-ok");
        polls("p-ok",
                json(200, prediction("p-ok", "starting", null, "")),
                json(200, prediction("p-ok", "processing", null, "loading\n 45%|####      | 9/20")),
                json(200, prediction("p-ok", "succeeded", List.of(BackendTesting.url("/replicate-files/out.png")), "100%|##########|")));
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/out.png")).willReturn(BackendTesting.png()));

        var id = start(request());
        var render = awaitStatus(id, "succeeded");
        assertThat(render.getString("backend_id")).isEqualTo("p-ok");
        assertThat(render.getString("backend_status")).isEqualTo("succeeded");
        assertThat(render.getLong("outputs[0].bytes")).isEqualTo(BackendTesting.PNG.length);

        var sent = BackendTesting.body(posts(CREATE).getFirst());
        assertThat(sent.path("version").asText()).isEqualTo("stability-ai/sdxl:39ed52f2");
        var input = sent.path("input");
        assertThat(input.path("prompt").asText()).isEqualTo(RenderTesting.PROMPT);
        assertThat(input.path("negative_prompt").asText()).isEqualTo("blurry");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(input.path("width").asInt()).isEqualTo(1024);
        assertThat(input.path("height").asInt()).isEqualTo(576);
        assertThat(input.path("seed").asInt()).isEqualTo(7);
        assertThat(input.path("num_inference_steps").asInt()).isEqualTo(30);
        assertThat(input.path("guidance_scale").asDouble()).isEqualTo(7.5);
        assertThat(gets(CREATE + "/p-ok")).hasSize(3);

        var progress = events(jobs, id).stream().filter(e -> e.name().equals("render_progress")).map(SseClient.Event::data)
                .map(data -> {
                    try {
                        var node = BackendTesting.JSON.readTree(data);
                        return node.path("status").asText() + ":" + (node.path("percent").isNull() ? "-" : node.path("percent").asText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(progress).containsExactly("starting:-", "processing:45", "succeeded:100");
    }

    @Test
    void theModelsOwnInputsAreSentAsTheyAre() {
        created("p-inputs");
        polls("p-inputs", json(200, prediction("p-inputs", "succeeded",
                List.of(BackendTesting.url("/replicate-files/in.png")), "")));
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/in.png")).willReturn(BackendTesting.png()));
        var inputs = new LinkedHashMap<String, Object>();
        inputs.put("strength", 0.22);
        inputs.put("controlnet_conditioning_scale", 0.93);
        inputs.put("image", "data:image/png;base64,iVBORw0KGgo=");
        inputs.put("apply_watermark", false);
        var id = start(body("backend", "predictions", "model", "stability-ai/sdxl:39ed52f2",
                "parameters", Map.of("guidance", 8.1, "model_inputs", inputs)));
        var render = awaitStatus(id, "succeeded");
        assertThat(render.getList("warnings")).isEmpty();

        var input = BackendTesting.body(posts(CREATE).getLast()).path("input");
        assertThat(input.path("guidance_scale").asDouble()).isEqualTo(8.1);
        assertThat(input.path("strength").asDouble()).isEqualTo(0.22);
        assertThat(input.path("controlnet_conditioning_scale").asDouble()).isEqualTo(0.93);
        assertThat(input.path("image").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(input.path("apply_watermark").isBoolean()).isTrue();
    }

    @Test
    void aFailedPredictionFailsTheRenderWithItsReason() {
        created("p-failed");
        var failed = prediction("p-failed", "failed", null, "");
        failed.put("error", "NSFW content detected");
        polls("p-failed", json(200, prediction("p-failed", "processing", null, "")), json(200, failed));
        var detail = failure(awaitStatus(start(request()), "failed"), "predictions");
        assertThat(detail).contains("(failed)").contains("the prediction failed: NSFW content detected");
    }

    @Test
    void aPredictionCanceledAtTheBackendFailsTheRender() {
        created("p-gone");
        polls("p-gone", json(200, prediction("p-gone", "canceled", null, "")));
        var detail = failure(awaitStatus(start(request()), "failed"), "predictions");
        assertThat(detail).contains("canceled at the backend");
    }

    @Test
    void cancellingARenderCancelsItsPrediction() throws Exception {
        created("p-long");
        polls("p-long", json(200, prediction("p-long", "processing", null, " 10%|#")));
        RenderBackendsStub.server().stubFor(post(urlEqualTo(CREATE + "/p-long/cancel"))
                .willReturn(json(200, prediction("p-long", "canceled", null, ""))));
        var id = start(request());
        await().atMost(Duration.ofSeconds(10)).until(() -> "processing".equals(RenderTesting.render(id).getString("backend_status")));

        var cancelled = given().when().delete("/api/v1/renders/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getString("error.type")).isEqualTo("https://shotcraft.io/problems/job-cancelled");
        assertThat(posts(CREATE + "/p-long/cancel")).hasSize(1);
        assertThat(given().when().get("/api/v1/jobs/" + id).then().extract().jsonPath().getString("status")).isEqualTo("cancelled");
        var last = events(jobs, id).getLast();
        assertThat(last.name()).isEqualTo("failed");
        assertThat(last.data()).contains("job-cancelled");
        // The job stopped polling: no read after the cancel's answer.
        int reads = gets(CREATE + "/p-long").size();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> gets(CREATE + "/p-long").size() == reads);
        given().when().delete("/api/v1/renders/" + id).then().statusCode(409);
    }

    @Test
    void aRateLimitedPollIsRetriedAfterItsRetryAfter() {
        created("p-limited");
        polls("p-limited",
                json(429, Map.of("detail", "Request was throttled")).withHeader("Retry-After", "1"),
                json(200, prediction("p-limited", "succeeded", BackendTesting.url("/replicate-files/one.png"), "")));
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/one.png")).willReturn(BackendTesting.png()));
        awaitStatus(start(request()), "succeeded");
        var reads = gets(CREATE + "/p-limited");
        assertThat(reads).hasSize(2);
        assertThat(Duration.between(reads.get(0).getLoggedDate().toInstant(), reads.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aDownloadOverTheLimitIsRefused() {
        created("p-large");
        polls("p-large", json(200, prediction("p-large", "succeeded", BackendTesting.url("/replicate-files/large.png"), "")));
        var large = new byte[70_000];
        System.arraycopy(BackendTesting.PNG, 0, large, 0, BackendTesting.PNG.length);
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/large.png"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(large)));
        var detail = failure(awaitStatus(start(request()), "failed"), "predictions");
        assertThat(detail).contains("output_too_large");
    }

    @Test
    void aDownloadOfTheWrongTypeIsRefused() {
        created("p-html");
        polls("p-html", json(200, prediction("p-html", "succeeded", BackendTesting.url("/replicate-files/page.png"), "")));
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/page.png"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody("<html>Not found</html>")));
        var detail = failure(awaitStatus(start(request()), "failed"), "predictions");
        assertThat(detail).contains("invalid_output").contains("not an image or a video");
    }

    @Test
    void aDownloadThatTakesTooLongFails() {
        created("p-slow");
        polls("p-slow", json(200, prediction("p-slow", "succeeded", BackendTesting.url("/replicate-files/slow.png"), "")));
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/slow.png")).willReturn(BackendTesting.png().withFixedDelay(5_000)));
        var detail = failure(awaitStatus(start(request()), "failed"), "predictions");
        assertThat(detail).contains("timeout").contains("did not download within 3 s");
    }

    @Test
    void withoutAModelTheBackendsDefaultIsUsed() {
        created("p-default");
        polls("p-default", json(200, prediction("p-default", "succeeded", BackendTesting.url("/replicate-files/d.png"), "")));
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/replicate-files/d.png")).willReturn(BackendTesting.png()));
        var render = awaitStatus(start(body("backend", "predictions")), "succeeded");
        assertThat(render.getString("model")).isEqualTo("black-forest-labs/flux-schnell");
        assertThat(BackendTesting.body(posts(CREATE).getFirst()).path("version").asText()).isEqualTo("black-forest-labs/flux-schnell");
    }
}
