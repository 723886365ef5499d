package io.shotcraft.renders;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.shotcraft.renders.BackendTesting.failure;
import static io.shotcraft.renders.BackendTesting.json;
import static io.shotcraft.renders.BackendTesting.posts;
import static io.shotcraft.renders.RenderTesting.awaitStatus;
import static io.shotcraft.renders.RenderTesting.body;
import static io.shotcraft.renders.RenderTesting.events;
import static io.shotcraft.renders.RenderTesting.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.RenderBackendsStub;
import io.shotcraft.testing.SseClient;

/** The leonardo backend against a stubbed generations API: created, polled from PENDING to COMPLETE, or FAILED. */
@QuarkusTest
class RenderLeonardoTest {

    static final String CREATE = "/leonardo/api/rest/v1/generations";

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @BeforeEach
    @AfterEach
    void healthyBackends() {
        BackendTesting.reset();
    }

    static void created(String id) {
        RenderBackendsStub.server().stubFor(post(urlEqualTo(CREATE))
                .withHeader("Authorization", equalTo("Bearer " + RenderBackendsStub.LEONARDO_KEY))
                .willReturn(json(200, Map.of("sdGenerationJob", Map.of("generationId", id, "apiCreditCost", 8)))));
    }

    static Object generation(String status, List<Map<String, Object>> images) {
        return Map.of("generations_by_pk", Map.of("status", status, "generated_images", images, "modelId", "m"));
    }

    @Test
    void aGenerationIsPolledUntilComplete() {
        created("g-ok");
        var server = RenderBackendsStub.server();
        server.stubFor(get(urlEqualTo(CREATE + "/g-ok")).inScenario("g-ok").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, generation("PENDING", List.of()))).willSetStateTo("done"));
        server.stubFor(get(urlEqualTo(CREATE + "/g-ok")).inScenario("g-ok").whenScenarioStateIs("done")
                .willReturn(json(200, generation("COMPLETE", List.of(Map.of("id", "i1", "url", BackendTesting.url("/leonardo-cdn/i1.png")))))));
        server.stubFor(get(urlEqualTo("/leonardo-cdn/i1.png")).willReturn(BackendTesting.png()));

        var id = start(body("backend", "leonardo", "model", "b24e16ff-06e3-43eb-8d33-4416c2d75876",
                "parameters", Map.of("width", 832, "height", 1216, "guidance", 7, "count", 1)));
        var render = awaitStatus(id, "succeeded");
        assertThat(render.getString("backend_id")).isEqualTo("g-ok");
        assertThat(render.getString("model")).isEqualTo("b24e16ff-06e3-43eb-8d33-4416c2d75876");

        var sent = BackendTesting.body(posts(CREATE).getFirst());
        assertThat(sent.path("modelId").asText()).isEqualTo("b24e16ff-06e3-43eb-8d33-4416c2d75876");
        assertThat(sent.path("num_images").asInt()).isEqualTo(1);
        assertThat(sent.path("width").asInt()).isEqualTo(832);
        assertThat(sent.path("height").asInt()).isEqualTo(1216);
        assertThat(sent.path("guidance_scale").asDouble()).isEqualTo(7.0);
        assertThat(sent.path("prompt").asText()).isEqualTo(RenderTesting.PROMPT);

        var statuses = events(jobs, id).stream().filter(e -> e.name().equals("render_progress")).map(SseClient.Event::data).toList();
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0)).contains("\"status\":\"pending\"");
        assertThat(statuses.get(1)).contains("\"status\":\"complete\"");
    }

    @Test
    void aFailedGenerationFailsTheRender() {
        created("g-failed");
        RenderBackendsStub.server().stubFor(get(urlEqualTo(CREATE + "/g-failed")).willReturn(json(200, generation("FAILED", List.of()))));
        var detail = failure(awaitStatus(start(body("backend", "leonardo")), "failed"), "leonardo");
        assertThat(detail).contains("the generation failed");
    }

    @Test
    void aRefusedRequestSaysWhatTheBackendSaid() {
        RenderBackendsStub.server().stubFor(post(urlEqualTo(CREATE))
                .willReturn(json(400, Map.of("error", "width must be a multiple of 8", "path", "$.width"))));
        var detail = failure(awaitStatus(start(body("backend", "leonardo")), "failed"), "leonardo");
        assertThat(detail).contains("client_error").contains("HTTP 400: width must be a multiple of 8");
        assertThat(posts(CREATE)).hasSize(1);
    }
}
