package io.shotcraft.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OpenAI-compatible endpoint stubbed at the HTTP level (WireMock, in-process, dynamic port). Tests script
 * per-task answers; every request it received can be checked against OpenAI's published schema.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;
    private static JsonSchema requestSchema;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of(
                "shotcraft.ai.base-url", server.baseUrl() + "/v1",
                "shotcraft.ai.api-key", "test-key");
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

    public static void reset() {
        server.resetAll();
    }

    /** Answers every call, whatever the task, with this JSON content. */
    public static void answer(Object content) {
        server.stubFor(chat().willReturn(completion(content, 120, 45)));
    }

    public static void answer(Object content, int promptTokens, int completionTokens) {
        server.stubFor(chat().willReturn(completion(content, promptTokens, completionTokens)));
    }

    /**
     * Answers the calls of one task (recognised by the name of the JSON schema it asks for, e.g.
     * {@code prompt_edit}) with this JSON content; other tasks keep their own answers.
     */
    public static void answerFor(String schemaName, Object content) {
        server.stubFor(chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo(schemaName)))
                .willReturn(completion(content, 200, 60)));
    }

    /** The first call of one task gets {@code first}, every later one {@code then}. */
    public static void answerForThen(String schemaName, Object first, Object then) {
        var task = matchingJsonPath("$.response_format.json_schema.name", equalTo(schemaName));
        server.stubFor(chat().withRequestBody(task).inScenario(schemaName).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(completion(first, 200, 60)).willSetStateTo("answered"));
        server.stubFor(chat().withRequestBody(task).inScenario(schemaName).whenScenarioStateIs("answered")
                .willReturn(completion(then, 200, 60)));
    }

    /**
     * Answers the streamed calls of one task with this JSON content as an SSE stream of chat-completion chunks, the
     * content cut into {@code pieces} parts, then a usage chunk and {@code [DONE]}.
     */
    public static void streamFor(String schemaName, Object content, int pieces) {
        server.stubFor(streamed(schemaName).willReturn(sse(content, pieces)));
    }

    /** The first streamed call of one task gets {@code first}, every later one {@code then}. */
    public static void streamForThen(String schemaName, Object first, Object then, int pieces) {
        server.stubFor(streamed(schemaName).inScenario("stream-" + schemaName).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(sse(first, pieces)).willSetStateTo("streamed"));
        server.stubFor(streamed(schemaName).inScenario("stream-" + schemaName).whenScenarioStateIs("streamed")
                .willReturn(sse(then, pieces)));
    }

    private static MappingBuilder streamed(String schemaName) {
        return chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo(schemaName)))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")));
    }

    private static ResponseDefinitionBuilder sse(Object content, int pieces) {
        String text;
        try {
            text = JSON.writeValueAsString(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var body = new StringBuilder();
        int size = Math.max(1, text.length() / pieces);
        for (int start = 0; start < text.length(); start += size) {
            var chunk = JSON.createObjectNode().put("id", "chatcmpl-stream").put("object", "chat.completion.chunk")
                    .put("created", 1_763_840_000).put("model", "gpt-4.1-2025-04-14");
            var choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.putObject("delta").put("content", text.substring(start, Math.min(text.length(), start + size)));
            choice.putNull("finish_reason");
            body.append("data: ").append(chunk).append("\n\n");
        }
        var last = JSON.createObjectNode().put("id", "chatcmpl-stream").put("object", "chat.completion.chunk")
                .put("created", 1_763_840_000).put("model", "gpt-4.1-2025-04-14");
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        last.putObject("usage").put("prompt_tokens", 200).put("completion_tokens", 60).put("total_tokens", 260);
        body.append("data: ").append(last).append("\n\n").append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    /** The calls of one task received so far. */
    public static List<JsonNode> requestsFor(String schemaName) {
        return requests().stream()
                .filter(r -> schemaName.equals(r.path("response_format").path("json_schema").path("name").asText()))
                .toList();
    }

    /** Answers with a raw content string (e.g. text that is not JSON). */
    public static void answerRaw(String content) {
        server.stubFor(chat().willReturn(completionText(content, 100, 10)));
    }

    public static void fail(int status) {
        server.stubFor(chat().willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"stubbed failure\",\"type\":\"server_error\"}}")));
    }

    /** Fails, with this status, every call whose user message contains {@code marker}; other calls keep their answers. */
    public static void failWhenUserSays(String marker, int status) {
        server.stubFor(chat().withRequestBody(matchingJsonPath("$.messages[1].content", containing(marker)))
                .atPriority(1).willReturn(status(status)));
    }

    public static void rateLimited(String retryAfter) {
        server.stubFor(chat().willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
    }

    public static void slow(Object content, int delayMillis) {
        server.stubFor(chat().willReturn(completion(content, 100, 10).withFixedDelay(delayMillis)));
    }

    /** The first {@code failures} calls get {@code first}, every later one the JSON answer. */
    public static void failThenAnswer(int failures, ResponseDefinitionBuilder first, Object content) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "after-" + i;
            server.stubFor(chat().inScenario("flaky").whenScenarioStateIs(state).willReturn(first).willSetStateTo(next));
            state = next;
        }
        server.stubFor(chat().inScenario("flaky").whenScenarioStateIs(state).willReturn(completion(content, 120, 45)));
    }

    /** The first call gets {@code first}, every later one {@code then} (both JSON content). */
    public static void answerThen(Object first, Object then) {
        server.stubFor(chat().inScenario("turns").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(completion(first, 120, 45)).willSetStateTo("answered"));
        server.stubFor(chat().inScenario("turns").whenScenarioStateIs("answered").willReturn(completion(then, 120, 45)));
    }

    public static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"stubbed failure\",\"type\":\"server_error\"}}");
    }

    public static ResponseDefinitionBuilder retryAfter(String seconds) {
        return status(429).withHeader("Retry-After", seconds);
    }

    public static int calls() {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    /** The bodies of the chat-completion requests received, oldest first. */
    public static List<JsonNode> requests() {
        var events = new ArrayList<>(server.getAllServeEvents());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        List<JsonNode> bodies = new ArrayList<>();
        for (var event : events) {
            if (event.getRequest().getUrl().equals(PATH)) {
                try {
                    bodies.add(JSON.readTree(event.getRequest().getBodyAsString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return bodies;
    }

    /** Checks every request received against OpenAI's CreateChatCompletionRequest schema; lists the faults. */
    public static List<String> schemaViolations() {
        List<String> faults = new ArrayList<>();
        for (var body : requests()) {
            for (ValidationMessage m : schema().validate(body)) {
                faults.add(m.getMessage());
            }
        }
        return faults;
    }

    private static synchronized JsonSchema schema() {
        if (requestSchema == null) {
            try (InputStream in = OpenAiStub.class.getResourceAsStream("/openai/chat-completions.schema.json")) {
                // The document holds OpenAI's schemas under components; validate against the request schema.
                var document = (ObjectNode) JSON.readTree(in);
                document.put("$ref", "#/components/schemas/CreateChatCompletionRequest");
                requestSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return requestSchema;
    }

    private static MappingBuilder chat() {
        return post(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer test-key"));
    }

    private static ResponseDefinitionBuilder completion(Object content, int promptTokens, int completionTokens) {
        try {
            return completionText(JSON.writeValueAsString(content), promptTokens, completionTokens);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinitionBuilder completionText(String content, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_763_840_000)
                .put("model", "gpt-4.1-mini-2025-04-14");
        var choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }
}
