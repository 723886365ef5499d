package io.shotcraft.testing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The image and video backends of renders stubbed at the HTTP level (one WireMock server, in-process, dynamic port):
 * the OpenAI Images API under {@code /openai}, a predictions API under {@code /replicate}, Leonardo under
 * {@code /leonardo/api/rest/v1}. Each backend gets an API key, so each is enabled. The server is reached as
 * {@code localhost}, the backends' own host; {@link #foreignBase()} reaches the same server by another name, as an
 * output URL on a host that is not the backend's would.
 */
public class RenderBackendsStub implements QuarkusTestResourceLifecycleManager {

    public static final String OPENAI_KEY = "test-images-key";
    public static final String PREDICTIONS_TOKEN = "test-predictions-token";
    public static final String LEONARDO_KEY = "test-leonardo-key";

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        server.start();
        var base = server.baseUrl();
        return Map.of(
                "quarkus.rest-client.openai-images.url", base + "/openai",
                "quarkus.rest-client.predictions.url", base + "/replicate",
                "quarkus.rest-client.leonardo.url", base + "/leonardo/api/rest/v1",
                "shotcraft.renders.openai-images.api-key", OPENAI_KEY,
                "shotcraft.renders.predictions.api-key", PREDICTIONS_TOKEN,
                "shotcraft.renders.leonardo.api-key", LEONARDO_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** The stub as its backends know it ({@code http://localhost:<port>}). */
    public static String base() {
        return server.baseUrl();
    }

    /** The same server under another host name, not one a backend's outputs may come from. */
    public static String foreignBase() {
        return "http://127.0.0.1:" + server.port();
    }
}
