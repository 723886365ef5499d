package io.shotcraft.learning.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/** Prompt evolution through the LLM engine, against the stubbed OpenAI endpoint: protocol, checks, repair, fallback. */
@QuarkusTest
class PromptEvolutionLlmTest {

    private static final String CURRENT = "photorealistic interior render, exact room layout, oak floor, 8k, soft window light";
    private static final List<String> FIXED = List.of("exact room layout", "oak floor");
    private static final String FIRST = "photorealistic interior render, exact room layout, oak floor, soft window light, "
            + "depth of field, volumetric lighting";
    private static final String SECOND = "photorealistic interior render, exact room layout, oak floor, sharp focus, "
            + "global illumination, ambient occlusion";
    private static final Map<String, Object> GOOD = answer(FIRST, SECOND);
    private static final Map<String, Object> LOST_FIXED = answer(FIRST, "photorealistic interior render, exact room layout, "
            + "walnut floor, sharp focus");

    @Inject
    PromptEvolution evolution;

    @Inject
    OfflinePromptEvolver offline;

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void fresh() {
        freshAi.reset();
    }

    @AfterEach
    void everyRequestSpeaksOpenAisProtocol() {
        assertThat(OpenAiStub.schemaViolations()).isEmpty();
    }

    private static Map<String, Object> answer(String first, String second) {
        return Map.of("variants", List.of(
                Map.of("improved_prompt", first, "changes", List.of("added depth of field", "removed 8k"),
                        "reasoning", "Depth cues make the room read as a photograph.", "expected_improvement", "Less flat"),
                Map.of("improved_prompt", second, "changes", List.of("added sharp focus"),
                        "reasoning", "Crisp detail and light bounce.", "expected_improvement", "Less blurry")));
    }

    private static EvolutionInput input() {
        return new EvolutionInput("v3-" + UUID.randomUUID(), CURRENT, "cartoon, blurry, watermark", 3.2,
                List.of("flat", "blurry"), List.of("the layout"),
                List.of(new ScoredVersion("v1", "interior render, exact room layout, oak floor", 2.4, 5),
                        new ScoredVersion("v2", "photorealistic interior render, exact room layout, oak floor, soft window light",
                                3.9, 7)),
                FIXED, 300);
    }

    private Evolution evolve(EvolutionInput input) {
        return evolution.evolve(input).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void theModelGetsTheMetaPromptTheRatingsAndTheStrictSchemaAndWritesTwoVariants() throws IOException {
        OpenAiStub.answer(GOOD);
        var input = input();
        var result = evolve(input);

        assertThat(result.engine()).isEqualTo("llm");
        assertThat(result.model()).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(result.cached()).isFalse();
        assertThat(result.variants()).extracting(PromptVariant::improvedPrompt).containsExactly(FIRST, SECOND);
        assertThat(result.variants().getFirst().changes()).containsExactly("added depth of field", "removed 8k");
        assertThat(result.variants().getFirst().expectedImprovement()).isEqualTo("Less flat");

        var sent = OpenAiStub.requests();
        assertThat(sent).hasSize(1);
        JsonNode request = sent.getFirst();
        assertThat(request.path("model").asText()).as("the task's model").isEqualTo("gpt-4.1");
        assertThat(request.path("max_completion_tokens").asInt(request.path("max_tokens").asInt())).isEqualTo(2000);
        var format = request.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo(EvolveTask.SCHEMA);
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        var schema = format.path("json_schema").path("schema");
        assertThat(schema.path("required").get(0).asText()).isEqualTo("variants");
        var variant = schema.path("properties").path("variants").path("items");
        assertThat(variant.path("properties").fieldNames()).toIterable()
                .containsExactly("improved_prompt", "changes", "reasoning", "expected_improvement");
        assertThat(variant.path("additionalProperties").asBoolean(true)).isFalse();

        var messages = request.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        var declared = resource(EvolveTask.SYSTEM).replace("{config:property('shotcraft.ai.output-language')}", "English")
                .strip();
        assertThat(messages.get(0).path("content").asText()).endsWith(declared).contains("read by a program");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        var user = messages.get(1).path("content").asText();
        assertThat(user).contains("CURRENT PROMPT (version " + input.currentVersion() + ", rating: 3.20/5.0):\n\"" + CURRENT + "\"")
                .contains("TOP ISSUES FROM LOW RATINGS:\n- flat\n- blurry")
                .contains("WHAT HIGH RATINGS PRAISED:\n- the layout")
                .contains("cartoon, blurry, watermark")
                .contains("\"version\":\"v2\"").contains("\"avg_rating\":3.9").contains("\"samples\":7")
                .contains("word for word, in every variant:\n- exact room layout\n- oak floor")
                .contains("Write 2 variants. Each improved_prompt has at most 300 characters.");
    }

    @Test
    void whenTheModelFailsTheOfflineEvolverAnswersAndSaysSo() {
        OpenAiStub.fail(500);
        var input = input();
        var result = evolve(input);
        assertThat(result.engine()).isEqualTo("offline");
        assertThat(result.model()).isNull();
        assertThat(result.cached()).isFalse();
        assertThat(result.variants()).hasSize(2).isEqualTo(offline.evolve(input).variants());
        assertThat(OpenAiStub.calls()).as("the call and its two retries").isEqualTo(3);
    }

    @Test
    void anAnswerThatDropsAFixedPhraseIsRepairedOnce() {
        OpenAiStub.answerThen(LOST_FIXED, GOOD);
        var result = evolve(input());
        assertThat(result.engine()).isEqualTo("llm");
        assertThat(result.variants()).extracting(PromptVariant::improvedPrompt).containsExactly(FIRST, SECOND);
        assertThat(OpenAiStub.calls()).isEqualTo(2);
        var messages = OpenAiStub.requests().get(1).path("messages");
        assertThat(messages.get(messages.size() - 2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(messages.size() - 1).path("content").asText())
                .contains("Variant 2 dropped phrases that must stay word for word").contains("\"oak floor\"");
    }

    @Test
    void aRepairThatStillDropsAFixedPhraseIsReplacedByTheOfflineEvolver() {
        OpenAiStub.answer(LOST_FIXED);
        var input = input();
        var result = evolve(input);
        assertThat(result.engine()).isEqualTo("offline");
        assertThat(result.model()).isNull();
        assertThat(result.variants()).isEqualTo(offline.evolve(input).variants());
        for (var variant : result.variants()) {
            assertThat(variant.improvedPrompt()).contains("exact room layout", "oak floor");
        }
        assertThat(OpenAiStub.calls()).as("the answer and its one repair").isEqualTo(2);
    }

    @Test
    void variantsOverTheCapTheSamePromptOrOnlyOneAreRefused() {
        var onlyOne = Map.of("variants", List.of(((List<?>) GOOD.get("variants")).getFirst()));
        for (var bad : List.of(answer(FIRST + ", " + "x".repeat(300), SECOND), answer(CURRENT, SECOND), answer(FIRST, FIRST),
                onlyOne)) {
            freshAi.reset();
            OpenAiStub.answer(bad);
            var result = evolve(input());
            assertThat(result.engine()).isEqualTo("offline");
            assertThat(OpenAiStub.calls()).isEqualTo(2);
        }
    }

    @Test
    void offlineCanBeAskedForAndNoModelIsCalled() {
        OpenAiStub.answer(GOOD);
        var input = input();
        var result = evolution.evolve(input, new AiOptions("offline", null), "evolve-offline").await()
                .atMost(Duration.ofSeconds(30));
        assertThat(result.engine()).isEqualTo("offline");
        assertThat(result.model()).isNull();
        assertThat(result.variants()).isEqualTo(offline.evolve(input).variants());
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void theSameInputIsAnsweredFromTheCache() {
        OpenAiStub.answer(GOOD);
        var input = input();
        assertThat(evolve(input).cached()).isFalse();
        var again = evolve(input);
        assertThat(again.cached()).isTrue();
        assertThat(again.engine()).isEqualTo("llm");
        assertThat(again.variants()).extracting(PromptVariant::improvedPrompt).containsExactly(FIRST, SECOND);
        assertThat(OpenAiStub.calls()).isEqualTo(1);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
