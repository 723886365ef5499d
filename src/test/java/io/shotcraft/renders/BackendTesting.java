package io.shotcraft.renders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.RenderBackendsStub;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** What the backend tests share: an image to answer with, JSON answers, counts of what the stub received. */
final class BackendTesting {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A one-pixel PNG, as a generator would send a (very small) image. */
    static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
    static final byte[] PNG = Base64.getDecoder().decode(PNG_BASE64);

    private BackendTesting() {
    }

    /** Every stub gone, every breaker closed: each test starts with healthy backends. */
    static void reset() {
        RenderBackendsStub.server().resetAll();
        CircuitBreakerMaintenance.get().resetAll();
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder png() {
        return aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG);
    }

    static List<LoggedRequest> posts(String path) {
        return RenderBackendsStub.server().findAll(postRequestedFor(urlEqualTo(path)));
    }

    static List<LoggedRequest> gets(String path) {
        return RenderBackendsStub.server().findAll(getRequestedFor(urlEqualTo(path)));
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String url(String path) {
        return RenderBackendsStub.base() + path;
    }

    /** A failed render's problem: its type, and a detail naming the backend. */
    static String failure(JsonPath render, String backend) {
        org.assertj.core.api.Assertions.assertThat(render.getString("status")).isEqualTo("failed");
        org.assertj.core.api.Assertions.assertThat(render.getString("error.type")).isEqualTo("https://shotcraft.io/problems/render-failed");
        org.assertj.core.api.Assertions.assertThat(render.getInt("error.status")).isEqualTo(502);
        var detail = render.getString("error.detail");
        org.assertj.core.api.Assertions.assertThat(detail).contains("The " + backend + " backend could not render");
        org.assertj.core.api.Assertions.assertThat(detail).doesNotContain(RenderBackendsStub.OPENAI_KEY,
                RenderBackendsStub.PREDICTIONS_TOKEN, RenderBackendsStub.LEONARDO_KEY, "Exception", "io.");
        return detail;
    }
}
