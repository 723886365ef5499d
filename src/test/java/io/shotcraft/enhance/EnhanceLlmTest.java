package io.shotcraft.enhance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/** Enhancement through the LLM engine, against the stubbed OpenAI endpoint: protocol, faults, cache, cost. */
@QuarkusTest
class EnhanceLlmTest {

    private static final String ENHANCED = "A red fox trots across a snowy road at night, low-angle tracking shot, "
            + "cold blue moonlight and warm streetlight glow, snowflakes drifting.";

    @Inject
    FreshAi freshAi;

    @Inject
    DataSource database;

    @BeforeEach
    void freshStubCacheAndCircuit() {
        freshAi.reset();
    }

    @AfterEach
    void everyRequestSpeaksOpenAisProtocol() {
        assertThat(OpenAiStub.schemaViolations()).isEmpty();
    }

    private static Map<String, Object> body(String prompt, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("prompt", prompt);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static JsonPath enhance(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enhance")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    @Test
    void theModelGetsTheTaskSettingsThePromptsAndTheStrictSchema() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night", "seed", 42, "max_words", 120));

        assertThat(result.getString("engine")).isEqualTo("llm");
        assertThat(result.getString("enhanced")).isEqualTo(ENHANCED);
        assertThat(result.getString("original")).isEqualTo("a fox crossing a snowy road at night");
        assertThat(result.getString("mode")).isEqualTo("t2v");
        assertThat(result.getString("model")).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(result.getBoolean("cached")).isFalse();
        assertThat(result.getInt("seed")).isEqualTo(42);
        assertThat(result.getString("fallback_reason")).isNull();

        var requests = OpenAiStub.requests();
        assertThat(requests).hasSize(1);
        JsonNode sent = requests.getFirst();
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(sent.path("seed").asInt()).isEqualTo(42);
        assertThat(sent.path("temperature").asDouble()).isZero();
        assertThat(sent.path("response_format").path("type").asText()).isEqualTo("json_schema");
        var schema = sent.path("response_format").path("json_schema");
        assertThat(schema.path("name").asText()).isEqualTo("enhanced_prompt");
        assertThat(schema.path("strict").asBoolean()).isTrue();
        assertThat(schema.path("schema").path("required").get(0).asText()).isEqualTo("enhanced");
        assertThat(schema.path("schema").path("additionalProperties").asBoolean(true)).isFalse();
        var messages = sent.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("cinematic").contains("Write in English");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText())
                .contains("a fox crossing a snowy road at night").contains("at most 120 words");
    }

    @Test
    void withoutASeedTheTaskTemperatureApplies() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        enhance(body("a lighthouse in a storm " + UUID.randomUUID()));
        var sent = OpenAiStub.requests().getFirst();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.has("seed")).isFalse();
    }

    @Test
    void aFailedCallIsRetriedThenSucceeds() {
        OpenAiStub.failThenAnswer(1, OpenAiStub.status(500), Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("llm");
        assertThat(OpenAiStub.calls()).isEqualTo(2);
    }

    @Test
    void whenRetriesRunOutTheOfflineEngineAnswersAndSaysWhy() {
        OpenAiStub.fail(503);
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("model")).isNull();
        assertThat(result.getString("fallback_reason")).isEqualTo("server_error");
        assertThat(result.getString("enhanced")).startsWith("a fox crossing a snowy road at night");
        assertThat(OpenAiStub.calls()).isEqualTo(3);
    }

    @Test
    void aRateLimitIsRetriedAfterTheTimeTheEndpointAsks() {
        OpenAiStub.failThenAnswer(1, OpenAiStub.retryAfter("1"), Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("llm");
        var served = OpenAiStub.server().getAllServeEvents().stream()
                .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
        assertThat(served).hasSize(2);
        assertThat(served.get(1) - served.get(0)).isGreaterThanOrEqualTo(950);
    }

    @Test
    void aRateLimitLongerThanWeWaitFallsBackAtOnce() {
        OpenAiStub.rateLimited("120");
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("rate_limited");
        assertThat(OpenAiStub.calls()).isEqualTo(1);
    }

    @Test
    void aModelSlowerThanTheTimeoutFallsBack() {
        OpenAiStub.slow(Map.of("enhanced", ENHANCED), 2_500);
        var result = enhance(body("a fox crossing a snowy road at night", "max_words", 60));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("timeout");
        assertThat(OpenAiStub.calls()).as("a call that reached the task's timeout is not tried again").isEqualTo(1);
    }

    @Test
    void malformedOutputIsAFailureNeverPassedOn() {
        OpenAiStub.answerRaw("Sure! Here is your prompt: a fox at night");
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("malformed_output");
        assertThat(result.getString("enhanced")).doesNotContain("Sure!");
        assertThat(OpenAiStub.calls()).isEqualTo(1);
    }

    @Test
    void theTokensOfARefusedAnswerAreStillAccountedFor() {
        OpenAiStub.answerRaw("not json at all");
        var requestId = "refused-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("X-Request-Id", requestId).body(body("a fox at night"))
                .when().post("/api/v1/enhance").then().statusCode(200);
        var row = await().atMost(Duration.ofSeconds(10)).until(() -> usageRow(requestId), r -> r != null);
        // One row per request: the offline engine answered, and the refused call's tokens are on it.
        assertThat(row).containsEntry("engine", "offline").containsEntry("outcome", "malformed_output")
                .containsEntry("tokens_in", 100).containsEntry("tokens_out", 10);
        assertThat(((Number) row.get("cost_usd")).doubleValue()).isPositive();
    }

    @Test
    void outputThatBreaksTheSchemaIsAFailure() {
        OpenAiStub.answer(Map.of("prompt", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("schema_violation");
    }

    @Test
    void anAnswerOverTheWordLimitIsRejected() {
        OpenAiStub.answer(Map.of("enhanced", "word ".repeat(80).strip()));
        var result = enhance(body("a fox crossing a snowy road at night", "max_words", 50));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("invalid_output");
        assertThat(result.getString("enhanced").split("\\s+").length).isLessThanOrEqualTo(50);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndHalfOpensLater() {
        var prompt = "a fox crossing a snowy road at night";
        OpenAiStub.fail(500);
        for (int i = 0; i < 4; i++) {
            assertThat(enhance(body(prompt)).getString("fallback_reason")).isEqualTo("server_error");
        }
        int callsWhenOpen = OpenAiStub.calls();
        var open = enhance(body(prompt));
        assertThat(open.getString("fallback_reason")).isEqualTo("circuit_open");
        assertThat(OpenAiStub.calls()).isEqualTo(callsWhenOpen);

        OpenAiStub.reset();
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        // After the breaker's delay one trial call goes through; its success closes the circuit.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "llm".equals(enhance(body(prompt)).getString("engine")));
        assertThat(enhance(body(prompt, "seed", 1)).getString("engine")).isEqualTo("llm");
    }

    @Test
    void aSecondIdenticalRequestIsServedFromTheCacheWithoutAModelCall() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var first = enhance(body("a fox crossing a snowy road at night", "seed", 7));
        var second = enhance(body("a fox crossing a snowy road at night", "seed", 7));
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(second.getBoolean("cached")).isTrue();
        assertThat(second.getString("engine")).isEqualTo("llm");
        assertThat(second.getString("enhanced")).isEqualTo(first.getString("enhanced"));
        assertThat(second.getInt("usage.tokens_in")).isZero();
        assertThat(OpenAiStub.calls()).isEqualTo(1);

        enhance(body("a fox crossing a snowy road at night", "seed", 8));
        assertThat(OpenAiStub.calls()).as("another seed is another answer").isEqualTo(2);
    }

    @Test
    void aCachedAnswerServesSixtyFourConcurrentRequestsWithoutAnotherModelCall() throws Exception {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var body = body("a fox crossing a snowy road at night", "seed", 64);
        assertThat(enhance(body).getBoolean("cached")).isFalse();
        var clients = java.util.concurrent.Executors.newFixedThreadPool(64);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 64; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return enhance(body).getBoolean("cached");
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(OpenAiStub.calls()).as("only the first request reached the model").isEqualTo(1);
    }

    @Test
    void usageIsReadFromTheAnswerPricedRecordedAndMetered() throws Exception {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED), 1200, 300);
        var requestId = "usage-" + UUID.randomUUID();
        var result = given().contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .body(body("a fox crossing a snowy road at night"))
                .when().post("/api/v1/enhance")
                .then().statusCode(200).header("X-Request-Id", requestId)
                .extract().jsonPath();
        assertThat(result.getInt("usage.tokens_in")).isEqualTo(1200);
        assertThat(result.getInt("usage.tokens_out")).isEqualTo(300);
        // gpt-4.1-mini in the price table: 0.40 USD per million in, 1.60 per million out.
        assertThat(result.getDouble("usage.cost_usd")).isEqualTo(0.00096);

        var row = await().atMost(Duration.ofSeconds(10)).until(() -> usageRow(requestId), r -> r != null);
        assertThat(row).containsEntry("task", "enhance").containsEntry("engine", "llm")
                .containsEntry("model", "gpt-4.1-mini-2025-04-14").containsEntry("outcome", "success")
                .containsEntry("tokens_in", 1200).containsEntry("tokens_out", 300);
        assertThat(((Number) row.get("cost_usd")).doubleValue()).isEqualTo(0.00096);
        assertThat((int) row.get("tokens_estimated")).isPositive();
        assertThat((String) row.get("prompt_version")).isEqualTo(result.getString("prompt_version"));

        var metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("shotcraft_ai_calls_total{engine=\"llm\",model=\"gpt-4.1-mini-2025-04-14\",outcome=\"success\",task=\"enhance\"}")
                .contains("shotcraft_ai_tokens_total{direction=\"out\",model=\"gpt-4.1-mini-2025-04-14\",task=\"enhance\"}")
                .contains("shotcraft_ai_cost_usd_total{model=\"gpt-4.1-mini-2025-04-14\",task=\"enhance\"}")
                .contains("shotcraft_ai_cache_total{result=\"miss\",task=\"enhance\"}")
                .contains("shotcraft_ai_latency_seconds_bucket");
    }

    @Test
    void theAnswerSaysHowFaithfulTheEnhancementIs() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getDouble("faithfulness")).isGreaterThanOrEqualTo(0.8);
        assertThat(result.getList("lost")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void anEnhancementThatLosesWhatTheUserAskedForIsRepairedOnce() {
        OpenAiStub.answerThen(Map.of("enhanced", "A dog sleeps on a sofa in a sunny living room."), Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("llm");
        assertThat(result.getString("enhanced")).isEqualTo(ENHANCED);
        assertThat(OpenAiStub.calls()).isEqualTo(2);
        // The library's repair continues the conversation: the rejected answer, then the instruction as the last message.
        var messages = OpenAiStub.requests().get(1).path("messages");
        assertThat(messages.get(messages.size() - 2).path("role").asText()).isEqualTo("assistant");
        var repair = messages.get(messages.size() - 1).path("content").asText();
        assertThat(repair).contains("lost these details").contains("fox");
        assertThat(result.getInt("usage.tokens_in")).as("both calls are accounted for").isEqualTo(240);
    }

    @Test
    void aRepairThatStillLosesDetailsIsReplacedByTheOfflineEngine() {
        OpenAiStub.answer(Map.of("enhanced", "A dog sleeps on a sofa in a sunny living room."));
        var result = enhance(body("a fox crossing a snowy road at night"));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("unfaithful");
        assertThat(result.getDouble("faithfulness")).isEqualTo(1.0);
        assertThat(result.getList("lost")).isEmpty();
        assertThat(OpenAiStub.calls()).isEqualTo(2);
    }

    @Test
    void aCostCapUnderTheEstimateSkipsTheModel() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night", "options", Map.of("max_cost_usd", 0.00001)));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("budget_exceeded");
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void offlineCanBeAskedForExplicitly() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var result = enhance(body("a fox crossing a snowy road at night", "options", Map.of("engine", "offline")));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isNull();
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void imageToVideoWithACaptionPutsTheCaptionInTheMessage() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        var result = enhance(body("she turns her head and smiles", "mode", "i2v",
                "image_caption", "a woman in a yellow raincoat on a pier at dusk"));
        assertThat(result.getString("mode")).isEqualTo("i2v");
        var sent = OpenAiStub.requests().getFirst();
        assertThat(sent.path("messages").get(0).path("content").asText()).contains("still image");
        assertThat(sent.path("messages").get(1).path("content").asText())
                .contains("Image caption: a woman in a yellow raincoat on a pier at dusk");
    }

    @Test
    void imageToVideoWithAnUrlSendsTheImageToTheModel() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        enhance(body("the waves start rolling", "mode", "i2v", "image_url", "https://images.example.com/beach.jpg"));
        var user = OpenAiStub.requests().getFirst().path("messages").get(1).path("content");
        assertThat(user.isArray()).isTrue();
        List<String> types = user.findValuesAsText("type");
        assertThat(types).contains("text", "image_url");
        assertThat(user.findValue("image_url").path("url").asText()).isEqualTo("https://images.example.com/beach.jpg");
    }

    @Test
    void aLongPromptIsReturnedAsItIsUnlessForced() {
        var longPrompt = ("a slow cinematic shot of waves breaking on black volcanic sand " .repeat(12)).strip();
        OpenAiStub.answer(Map.of("enhanced", longPrompt + " Wide shot, golden hour."));
        var skipped = enhance(body(longPrompt));
        assertThat(skipped.getBoolean("skipped")).isTrue();
        assertThat(skipped.getString("enhanced")).isEqualTo(longPrompt);
        assertThat(OpenAiStub.calls()).isZero();

        var forced = enhance(body(longPrompt, "force", true, "max_words", 400));
        assertThat(forced.getBoolean("skipped")).isFalse();
        assertThat(OpenAiStub.calls()).isEqualTo(1);
    }

    @Test
    void badInputIsAProblem() {
        for (var bad : List.<Map<String, Object>>of(
                body(""), body("   "), body("x".repeat(2001)), body("ok", "mode", "vr"),
                body("ok", "mode", "i2v"), body("ok", "mode", "i2v", "image_url", "ftp://host/a.png"),
                body("ok", "seed", "abc"), body("ok", "seed", 1.5), body("ok", "max_words", 401),
                body("ok", "options", Map.of("engine", "gpu")))) {
            given().contentType(ContentType.JSON).body(bad)
                    .when().post("/api/v1/enhance")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/enhance")
                .then().statusCode(400).body("errors[0].field", equalTo("prompt")).body("errors[1]", nullValue());
        assertThat(OpenAiStub.calls()).isZero();
    }

    private Map<String, Object> usageRow(String correlationId) throws Exception {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT task, engine, model, outcome, tokens_in, tokens_out, tokens_estimated, cost_usd, prompt_version "
                                + "FROM ai_usage WHERE correlation_id = ?")) {
            statement.setString(1, correlationId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Map<String, Object> row = new HashMap<>();
                for (var column : List.of("task", "engine", "model", "outcome", "prompt_version")) {
                    row.put(column, rows.getString(column));
                }
                for (var column : List.of("tokens_in", "tokens_out", "tokens_estimated")) {
                    row.put(column, rows.getInt(column));
                }
                row.put("cost_usd", rows.getBigDecimal("cost_usd"));
                return row;
            }
        }
    }
}
