package io.shotcraft.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/** Clip prompts with the model, against the stubbed OpenAI endpoint: one batched call, per-clip checks, faults, cache, cost. */
@QuarkusTest
class ClipPromptsLlmTest {

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

    private static JsonNode post(ObjectNode request) {
        return ClipPromptsTest.postJson(request);
    }

    private static JsonNode userMessage(JsonNode sent) throws Exception {
        var text = sent.path("messages").get(1).path("content").asText();
        return ClipFixtures.JSON.readTree(text.substring(text.indexOf("\n[") + 1));
    }

    @Test
    void fifteenClipsTakeExactlyOneModelCall() throws Exception {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(15));
        var result = post(ClipFixtures.requestOf(15, true));

        var sent = OpenAiStub.requestsFor(ClipPromptOptimizer.SCHEMA);
        assertThat(sent).hasSize(1);
        assertThat(OpenAiStub.calls()).isEqualTo(1);
        var call = sent.getFirst();
        assertThat(call.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(call.path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();
        var bases = userMessage(call);
        assertThat(bases).hasSize(15);
        var first = bases.get(0);
        for (var field : new String[] { "clip_index", "visual_description", "motion", "camera_angle", "scene_id", "character_ids",
                "duration", "beat_intensity", "style_keywords", "reference_mode", "base_prompt" }) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.path("reference_mode").asText()).isEqualTo("scene");
        assertThat(call.path("messages").get(1).path("content").asText()).doesNotContain("placeholder.example");

        assertThat(result.path("engine").asText()).isEqualTo("llm");
        assertThat(result.path("model").asText()).as("the model the endpoint says answered").isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(result.path("usage").path("tokens_in").asInt()).isEqualTo(200);
        assertThat(result.path("usage").path("tokens_out").asInt()).isEqualTo(60);
        // 200 tokens in at 0.40 USD and 60 out at 1.60 USD per million (the stub reports a gpt-4.1-mini model).
        assertThat(result.path("usage").path("cost_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("0.000176"));
        var clips = result.path("clip_prompts");
        assertThat(clips).hasSize(15);
        for (int i = 0; i < 15; i++) {
            var metadata = clips.get(i).path("metadata");
            assertThat(clips.get(i).path("prompt").asText()).isEqualTo(ClipFixtures.modelPrompt(i));
            assertThat(metadata.path("llm_used").asBoolean()).isTrue();
            assertThat(metadata.path("llm_model").asText()).isEqualTo("gpt-4.1-mini-2025-04-14");
            assertThat(metadata.path("validated").asBoolean()).isTrue();
            assertThat(metadata.has("fallback_reason")).isFalse();
        }
    }

    @Test
    void theLlmSwitchDecidesBetweenModelAndTemplates() {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(6));
        var templates = post(ClipFixtures.offlineRequest());
        assertThat(OpenAiStub.calls()).isZero();
        var request = ClipFixtures.request();
        request.putObject("options").put("use_llm", true);
        var optimized = post(request);
        assertThat(OpenAiStub.calls()).isEqualTo(1);
        assertThat(templates.path("engine").asText()).isEqualTo("offline");
        assertThat(optimized.path("engine").asText()).isEqualTo("llm");
        for (int i = 0; i < 6; i++) {
            assertThat(optimized.path("clip_prompts").get(i).path("prompt").asText())
                    .isNotEqualTo(templates.path("clip_prompts").get(i).path("prompt").asText());
            assertThat(optimized.path("clip_prompts").get(i).path("metadata").path("validated").asBoolean()).isTrue();
            assertThat(optimized.path("clip_prompts").get(i).path("scene_reference_url"))
                    .isEqualTo(templates.path("clip_prompts").get(i).path("scene_reference_url"));
        }
        var offlineEngine = ClipFixtures.request();
        offlineEngine.putObject("options").put("engine", "offline");
        assertThat(post(offlineEngine).path("engine").asText()).isEqualTo("offline");
        assertThat(OpenAiStub.calls()).isEqualTo(1);
    }

    @Test
    void aClipWhoseModelPromptBreaksARuleKeepsItsTemplate() {
        var answer = ClipFixtures.answerFor(6);
        var prompts = answer.withArray("prompts");
        ((ObjectNode) prompts.get(2)).put("prompt", ClipFixtures.modelPrompt(2) + " Reference: https://placeholder.example/x.png");
        ((ObjectNode) prompts.get(3)).put("prompt", "word ".repeat(250));
        prompts.remove(4);
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, answer);
        var templates = post(ClipFixtures.offlineRequest()).path("clip_prompts");
        var result = post(ClipFixtures.request());

        assertThat(result.path("engine").asText()).isEqualTo("llm");
        var clips = result.path("clip_prompts");
        assertThat(clips.get(2).path("metadata").path("fallback_reason").asText()).isEqualTo("contains_url");
        assertThat(clips.get(3).path("metadata").path("fallback_reason").asText()).isEqualTo("over_word_limit");
        assertThat(clips.get(4).path("metadata").path("fallback_reason").asText()).isEqualTo("missing");
        for (int i : new int[] { 2, 3, 4 }) {
            assertThat(clips.get(i).path("prompt")).isEqualTo(templates.get(i).path("prompt"));
            assertThat(clips.get(i).path("metadata").path("llm_used").asBoolean()).isFalse();
            assertThat(clips.get(i).path("metadata").path("validated").asBoolean()).isTrue();
        }
        for (int i : new int[] { 0, 1, 5 }) {
            assertThat(clips.get(i).path("prompt").asText()).isEqualTo(ClipFixtures.modelPrompt(i));
            assertThat(clips.get(i).path("metadata").path("llm_used").asBoolean()).isTrue();
        }
    }

    @Test
    void anUnusableAnswerFallsBackToTemplatesWholesale() {
        var noneUsable = ClipFixtures.JSON.createObjectNode();
        noneUsable.putArray("prompts").addObject().put("clip_index", 99).put("prompt", "a prompt for no clip");
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, noneUsable);
        var result = post(ClipFixtures.request());
        assertThat(result.path("engine").asText()).isEqualTo("offline");
        assertThat(result.path("fallback_reason").asText()).isEqualTo("invalid_output");
        assertThat(result.path("clip_prompts")).hasSize(6).allSatisfy(clip -> {
            assertThat(clip.path("metadata").path("llm_used").asBoolean()).isFalse();
            assertThat(clip.path("metadata").path("fallback_reason").asText()).isEqualTo("invalid_output");
        });

        freshAi.reset();
        OpenAiStub.answerRaw("{\"prompts\": \"not an array\"}");
        assertThat(post(ClipFixtures.request()).path("fallback_reason").asText()).isEqualTo("schema_violation");
    }

    @Test
    void theAnswerSaysHonestlyHowManyClipsTheModelWroteAndWhatItCost() {
        var answer = ClipFixtures.answerFor(6);
        var prompts = answer.withArray("prompts");
        ((ObjectNode) prompts.get(1)).put("prompt", "A red sports car drifts around a mountain bend, drone shot.");
        prompts.remove(4);
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, answer);
        var partly = post(ClipFixtures.request());
        assertThat(partly.path("engine").asText()).isEqualTo("llm");
        assertThat(partly.path("model_clips").asInt()).isEqualTo(4);
        assertThat(partly.path("template_clips").asInt()).isEqualTo(2);
        assertThat(partly.path("clip_prompts").get(1).path("metadata").path("fallback_reason").asText())
                .as("a prompt about another scene").isEqualTo("mismatched");
        assertThat(partly.path("fallback_reason").asText()).as("some clips fell back").isEqualTo("mismatched");

        freshAi.reset();
        var noneUsable = ClipFixtures.JSON.createObjectNode();
        noneUsable.putArray("prompts").addObject().put("clip_index", 99).put("prompt", "a prompt for no clip");
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, noneUsable);
        var refused = post(ClipFixtures.request());
        assertThat(refused.path("engine").asText()).isEqualTo("offline");
        assertThat(refused.path("model_clips").asInt()).isZero();
        assertThat(refused.path("template_clips").asInt()).isEqualTo(6);
        assertThat(refused.path("usage").path("tokens_in").asInt()).as("the refused answer was billed").isEqualTo(200);
        assertThat(refused.path("usage").path("cost_usd").asDouble()).isPositive();
    }

    @Test
    void serverErrorsAreRetriedThenTemplatesAnswer() {
        OpenAiStub.fail(500);
        var result = post(ClipFixtures.request());
        assertThat(OpenAiStub.calls()).as("the first call and two retries").isEqualTo(3);
        assertThat(result.path("engine").asText()).isEqualTo("offline");
        assertThat(result.path("fallback_reason").asText()).isEqualTo("server_error");
        assertThat(result.path("clip_prompts")).hasSize(6)
                .allSatisfy(clip -> assertThat(clip.path("metadata").path("validated").asBoolean()).isTrue());

        freshAi.reset();
        OpenAiStub.failThenAnswer(1, OpenAiStub.status(503), ClipFixtures.answerFor(6));
        var retried = post(ClipFixtures.request());
        assertThat(OpenAiStub.calls()).isEqualTo(2);
        assertThat(retried.path("engine").asText()).isEqualTo("llm");
    }

    @Test
    void theSameRequestIsServedFromTheCache() {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(6));
        var first = post(ClipFixtures.request());
        var second = post(ClipFixtures.request());
        assertThat(OpenAiStub.calls()).isEqualTo(1);
        assertThat(first.path("cached").asBoolean()).isFalse();
        assertThat(second.path("cached").asBoolean()).isTrue();
        assertThat(second.path("usage").path("cost_usd").decimalValue()).isZero();
        assertThat(second.path("clip_prompts")).isEqualTo(first.path("clip_prompts"));

        var otherWords = ClipFixtures.request();
        otherWords.putObject("options").put("max_words", 150);
        assertThat(post(otherWords).path("cached").asBoolean()).as("other options, other answer").isFalse();
        assertThat(OpenAiStub.calls()).isEqualTo(2);
    }

    @Test
    void aCostCapBelowTheEstimateSkipsTheModel() {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(6));
        var request = ClipFixtures.request();
        request.putObject("options").put("max_cost_usd", 0.001);
        var result = post(request);
        assertThat(OpenAiStub.calls()).isZero();
        assertThat(result.path("engine").asText()).isEqualTo("offline");
        assertThat(result.path("fallback_reason").asText()).isEqualTo("budget_exceeded");
    }

    @Test
    void theDefaultCapCoversALongSongButNotTwoHundredClips() {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(200));
        assertThat(post(ClipFixtures.requestOf(60, true)).path("engine").asText()).isEqualTo("llm");
        assertThat(OpenAiStub.calls()).isEqualTo(3);
        // Ten batches of 20 at gpt-4o prices estimate about 0.08 USD each (output ceiling included): over 0.50 in all.
        // (Fresh cache: the 200-clip plan's first three batches are the 60-clip plan's, and would be served from it.)
        freshAi.reset();
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(200));
        var twoHundred = post(ClipFixtures.requestOf(200, true));
        assertThat(OpenAiStub.calls()).as("no call").isZero();
        assertThat(twoHundred.path("engine").asText()).isEqualTo("offline");
        assertThat(twoHundred.path("fallback_reason").asText()).isEqualTo("budget_exceeded");
        var raised = ClipFixtures.requestOf(200, true);
        ((ObjectNode) raised.get("options")).put("max_cost_usd", 2);
        assertThat(post(raised).path("engine").asText()).isEqualTo("llm");
        assertThat(OpenAiStub.calls()).isEqualTo(10);
    }

    @Test
    void aRequestMayNameItsModel() {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(6));
        var request = ClipFixtures.request();
        request.putObject("options").put("model", "gpt-4.1-mini");
        post(request);
        assertThat(OpenAiStub.requestsFor(ClipPromptOptimizer.SCHEMA).getFirst().path("model").asText()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void aLongSongRunsInConcurrentBatchesThatShareContext() throws Exception {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(60));
        var result = post(ClipFixtures.requestOf(60, true));
        var sent = OpenAiStub.requestsFor(ClipPromptOptimizer.SCHEMA);
        assertThat(sent).hasSize(3);
        var batches = new java.util.ArrayList<Integer>();
        for (var call : sent) {
            var bases = userMessage(call);
            assertThat(bases).hasSize(20);
            batches.add(bases.get(0).path("clip_index").asInt());
            assertThat(bases.get(0).path("style_keywords")).isEqualTo(result.path("clip_prompts").get(0).path("metadata").path("style_keywords"));
        }
        assertThat(batches).containsExactlyInAnyOrder(0, 20, 40);
        var second = sent.stream().filter(call -> call.toString().contains("The clip before this batch (19)")).toList();
        assertThat(second).hasSize(1);
        var clips = result.path("clip_prompts");
        assertThat(clips).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(clips.get(i).path("clip_index").asInt()).isEqualTo(i);
            assertThat(clips.get(i).path("prompt").asText()).isEqualTo(ClipFixtures.modelPrompt(i));
        }
        assertThat(result.path("usage").path("tokens_in").asInt()).isEqualTo(600);
    }

    @Test
    void modelPromptsWithoutTheStyleKeywordsGetThemWovenIn() {
        var answer = ClipFixtures.JSON.createObjectNode();
        var prompts = answer.putArray("prompts");
        for (int i = 0; i < 6; i++) {
            prompts.addObject().put("clip_index", i).put("prompt", "A woman in a silver jacket walks through the rain, shot " + i);
        }
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, answer);
        var clips = post(ClipFixtures.request()).path("clip_prompts");
        assertThat(clips).allSatisfy(clip -> {
            assertThat(clip.path("metadata").path("llm_used").asBoolean()).isTrue();
            assertThat(clip.path("prompt").asText()).contains("cyberpunk").contains("neo-noir");
        });
    }
}
