package io.shotcraft.renders;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.shotcraft.renders.BackendTesting.failure;
import static io.shotcraft.renders.BackendTesting.json;
import static io.shotcraft.renders.BackendTesting.posts;
import static io.shotcraft.renders.RenderTesting.awaitStatus;
import static io.shotcraft.renders.RenderTesting.body;
import static io.shotcraft.renders.RenderTesting.events;
import static io.shotcraft.renders.RenderTesting.names;
import static io.shotcraft.renders.RenderTesting.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.RenderBackendsStub;

/**
 * The openai-images backend against a stubbed OpenAI Images API: base64 and URL answers, URLs on other hosts, outputs
 * too large or not images, 429 with Retry-After (waited for, or refused when too long), a timeout, and the circuit
 * breaker opening after repeated server errors.
 */
@QuarkusTest
class RenderOpenAiImagesTest {

    static final String PATH = "/openai/v1/images/generations";

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @BeforeEach
    @AfterEach
    void healthyBackends() {
        BackendTesting.reset();
    }

    static Map<String, Object> images(Object... items) {
        return Map.of("created", 1_763_840_000, "data", List.of(items));
    }

    static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        RenderBackendsStub.server().stubFor(post(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + RenderBackendsStub.OPENAI_KEY)).willReturn(response));
    }

    static Map<String, Object> request() {
        return body("backend", "openai-images", "model", "dall-e-3", "negative_prompt", "blurry",
                "parameters", Map.of("width", 1024, "height", 1024, "seed", 5));
    }

    @Test
    void aBase64ImageIsStoredAndTheRequestIsTheApis() {
        answer(json(200, images(Map.of("b64_json", BackendTesting.PNG_BASE64, "revised_prompt", "a robot"))));
        var id = start(request());
        var render = awaitStatus(id, "succeeded");

        var sent = BackendTesting.body(posts(PATH).getFirst());
        assertThat(sent.path("model").asText()).isEqualTo("dall-e-3");
        assertThat(sent.path("prompt").asText()).isEqualTo(RenderTesting.PROMPT);
        assertThat(sent.path("n").asInt()).isEqualTo(1);
        assertThat(sent.path("size").asText()).isEqualTo("1024x1024");
        assertThat(sent.path("response_format").asText()).isEqualTo("b64_json");
        assertThat(sent.has("seed")).isFalse();
        assertThat(sent.has("negative_prompt")).isFalse();

        assertThat(render.getBoolean("preview")).isFalse();
        assertThat(render.getString("model")).isEqualTo("dall-e-3");
        assertThat(render.getList("warnings", String.class)).anySatisfy(w -> assertThat(w).startsWith("seed"))
                .anySatisfy(w -> assertThat(w).startsWith("negative_prompt"));
        assertThat(render.getString("outputs[0].content_type")).isEqualTo("image/png");
        assertThat(render.getInt("outputs[0].width")).isEqualTo(1);
        var served = given().when().get("/api/v1/renders/" + id + "/output/0").then().statusCode(200).extract().asByteArray();
        assertThat(served).isEqualTo(BackendTesting.PNG);

        var events = events(jobs, id);
        assertThat(names(events)).containsSubsequence("stage_update", "render_progress", "render_result", "stage_update", "completed");
        assertThat(events.stream().filter(e -> e.name().equals("render_result")).findFirst().orElseThrow().data())
                .contains("\"engine\":\"openai-images\"").contains("\"preview\":false");
    }

    @Test
    void aUrlIsFetchedFromTheBackendsOwnHost() {
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/files/a.png")).willReturn(BackendTesting.png()));
        answer(json(200, images(Map.of("url", BackendTesting.url("/files/a.png")))));
        var render = awaitStatus(start(body("backend", "openai-images")), "succeeded");
        assertThat(render.getLong("outputs[0].bytes")).isEqualTo(BackendTesting.PNG.length);
        // gpt-image models refuse response_format: it is left out for them.
        assertThat(BackendTesting.body(posts(PATH).getFirst()).has("response_format")).isFalse();
    }

    @Test
    void aUrlOnAnotherHostIsNeverFetched() {
        RenderBackendsStub.server().stubFor(get(urlEqualTo("/files/b.png")).willReturn(BackendTesting.png()));
        answer(json(200, images(Map.of("url", RenderBackendsStub.foreignBase() + "/files/b.png"))));
        var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
        assertThat(detail).contains("foreign_url").contains("127.0.0.1");
        assertThat(BackendTesting.gets("/files/b.png")).isEmpty();
    }

    @Test
    void anOutputOverTheLimitFails() {
        var large = new byte[70_000];
        System.arraycopy(BackendTesting.PNG, 0, large, 0, BackendTesting.PNG.length);
        answer(json(200, images(Map.of("b64_json", Base64.getEncoder().encodeToString(large)))));
        var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
        assertThat(detail).contains("output_too_large").contains("65536 bytes");
    }

    @Test
    void anOutputThatIsNotAnImageFails() {
        answer(json(200, images(Map.of("b64_json", Base64.getEncoder().encodeToString("<html>oops</html>".getBytes())))));
        var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
        assertThat(detail).contains("invalid_output").contains("not an image or a video");
    }

    @Test
    void a429IsRetriedAfterTheDelayItAsksFor() {
        var server = RenderBackendsStub.server();
        server.stubFor(post(urlEqualTo(PATH)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, Map.of("error", Map.of("message", "Rate limit reached"))).withHeader("Retry-After", "1"))
                .willSetStateTo("allowed"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(json(200, images(Map.of("b64_json", BackendTesting.PNG_BASE64)))));

        awaitStatus(start(body("backend", "openai-images")), "succeeded");
        var calls = posts(PATH);
        assertThat(calls).hasSize(2);
        var waited = Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterLongerThanTheServiceWaitsFailsAtOnce() {
        answer(json(429, Map.of("error", Map.of("message", "Rate limit reached"))).withHeader("Retry-After", "60"));
        var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
        assertThat(detail).contains("rate_limited").contains("HTTP 429: Rate limit reached").contains("retry after 60 s");
        assertThat(posts(PATH)).hasSize(1);
    }

    @Test
    void aCallThatTimesOutFailsTheRenderAndIsNotSentTwice() {
        answer(json(200, images(Map.of("b64_json", BackendTesting.PNG_BASE64))).withFixedDelay(4_000));
        var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
        assertThat(detail).contains("timeout");
        assertThat(posts(PATH)).hasSize(1);
    }

    @Test
    void repeatedServerErrorsOpenTheBreakerAndLaterRendersFailWithoutACall() {
        answer(json(500, Map.of("error", Map.of("message", "internal error"))));
        for (int i = 0; i < 4; i++) {
            var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
            assertThat(detail).contains("server_error").contains("HTTP 500: internal error");
        }
        assertThat(posts(PATH)).hasSize(4);
        var detail = failure(awaitStatus(start(body("backend", "openai-images")), "failed"), "openai-images");
        assertThat(detail).contains("circuit_open");
        assertThat(posts(PATH)).hasSize(4);
    }
}
