package io.shotcraft.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.ai.AiCall;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiTask;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/**
 * A task declared in a test-only package, with no line of its own in {@code io.shotcraft.ai} or in the configuration,
 * runs end to end through the AI layer: the shared settings, structured output from its record, its guardrail's one
 * repair, usage of every call, its offline twin, and a circuit breaker of its own.
 */
@QuarkusTest
class DeclaredTaskTest {

    private static final Map<String, Object> TAGGED = Map.of("caption_text", "A fox crosses a snowy road at night.",
            "tags", List.of("fox", "night"));
    private static final Map<String, Object> UNTAGGED = Map.of("caption_text", "A fox crosses a snowy road at night.",
            "tags", List.of());

    @Inject
    AiTaskRunner runner;

    @Inject
    CaptionTask caption;

    @Inject
    CaptionTask.Title title;

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

    private AiOutcome<Caption> run(AiTask<String, Caption> task, String scene, AiOptions options) {
        return runner.run(task, scene, AiCall.of(options, "demo-" + UUID.randomUUID())).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aTaskDeclaredOutsideTheAiLayerRunsWithTheSharedSettings() {
        OpenAiStub.answerFor("caption", TAGGED);
        var outcome = run(caption, "a fox at night " + UUID.randomUUID(), AiOptions.DEFAULT);

        assertThat(outcome.engine()).isEqualTo(Engine.LLM);
        assertThat(outcome.value().captionText()).isEqualTo("A fox crosses a snowy road at night.");
        assertThat(outcome.value().tags()).containsExactly("fox", "night");
        assertThat(outcome.usage().tokensIn()).isEqualTo(200);
        assertThat(outcome.promptVersion()).isNotBlank();
        var sent = OpenAiStub.requestsFor("caption");
        assertThat(sent).hasSize(1);
        var request = sent.getFirst();
        assertThat(request.path("model").asText()).as("shotcraft.ai.model").isEqualTo("gpt-4.1-mini");
        assertThat(request.path("temperature").asDouble()).as("shotcraft.ai.temperature").isEqualTo(0.7);
        var schema = request.path("response_format").path("json_schema");
        assertThat(schema.path("strict").asBoolean()).isTrue();
        assertThat(schema.path("schema").path("properties").has("caption_text")).as("snake_case, as the API").isTrue();
        assertThat(schema.path("schema").path("properties").path("caption_text").path("description").asText())
                .isEqualTo("One sentence");
        var system = request.path("messages").get(0).path("content").asText();
        assertThat(system).contains("read by a program").contains("one-sentence captions").contains("Write in English");
    }

    @Test
    void itsOfflineTwinAnswersWhenAskedAndNoModelIsCalled() {
        OpenAiStub.answerFor("caption", TAGGED);
        var outcome = run(caption, "A Fox At Night", new AiOptions("offline", null));
        assertThat(outcome.engine()).isEqualTo(Engine.OFFLINE);
        assertThat(outcome.fallbackReason()).isNull();
        assertThat(outcome.value().captionText()).isEqualTo("A shot of a fox at night.");
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void itsGuardrailRepairsOnceAndBothCallsAreCounted() {
        OpenAiStub.answerForThen("caption", UNTAGGED, TAGGED);
        var outcome = run(caption, "a fox at night " + UUID.randomUUID(), AiOptions.DEFAULT);
        assertThat(outcome.engine()).isEqualTo(Engine.LLM);
        assertThat(outcome.value().tags()).isNotEmpty();
        assertThat(OpenAiStub.calls()).isEqualTo(2);
        assertThat(outcome.usage().tokensIn()).isEqualTo(400);
        assertThat(outcome.usage().tokensOut()).isEqualTo(120);
    }

    @Test
    void rejectedAnswersAreBilledEvenWhenTheOfflineTwinAnswers() {
        OpenAiStub.answerFor("caption", UNTAGGED);
        var outcome = run(caption, "a fox at night " + UUID.randomUUID(), AiOptions.DEFAULT);
        assertThat(outcome.engine()).isEqualTo(Engine.OFFLINE);
        assertThat(outcome.fallbackReason()).isEqualTo("untagged");
        assertThat(OpenAiStub.calls()).isEqualTo(2);
        assertThat(outcome.usage().tokensIn()).as("the answer and its repair were both billed").isEqualTo(400);
        assertThat(outcome.usage().costUsd()).isPositive();
    }

    @Test
    void learningsHookSetsAPromptVersionAndSettingsWithoutTheTaskKnowing() {
        OpenAiStub.answerFor("caption", TAGGED);
        var outcome = run(title, "a fox at night " + UUID.randomUUID(), AiOptions.DEFAULT);
        assertThat(outcome.engine()).isEqualTo(Engine.LLM);
        assertThat(outcome.promptVersion()).isEqualTo("variant-b");
        var request = OpenAiStub.requestsFor("caption").getFirst();
        assertThat(request.path("temperature").asDouble()).isEqualTo(0.15);
        var system = request.path("messages").get(0).path("content").asText();
        assertThat(system).contains(DemoTuning.VARIANT).contains("read by a program").doesNotContain("one-sentence captions");

        run(caption, "a fox at night " + UUID.randomUUID(), AiOptions.DEFAULT);
        assertThat(OpenAiStub.requestsFor("caption").get(1).path("temperature").asDouble()).as("other tasks untouched")
                .isEqualTo(0.7);
    }

    @Test
    void aFailingTaskOpensItsOwnBreakerAndNoOtherTasks() {
        OpenAiStub.answerFor("caption", TAGGED);
        OpenAiStub.failWhenUserSays("stormy", 500);
        for (int i = 0; i < 4; i++) {
            assertThat(run(caption, "stormy sea " + i, AiOptions.DEFAULT).fallbackReason()).isEqualTo("server_error");
        }
        int callsWhenOpen = OpenAiStub.calls();
        var refused = run(caption, "stormy sea again", AiOptions.DEFAULT);
        assertThat(refused.fallbackReason()).isEqualTo("circuit_open");
        assertThat(OpenAiStub.calls()).as("an open breaker sends nothing").isEqualTo(callsWhenOpen);

        var other = run(title, "calm lake " + UUID.randomUUID(), AiOptions.DEFAULT);
        assertThat(other.engine()).as("another task's breaker is still closed").isEqualTo(Engine.LLM);
        assertThat(run(caption, "calm lake", AiOptions.DEFAULT).fallbackReason())
                .as("while the failing task's stays open, whatever it is asked").isEqualTo("circuit_open");
    }
}
