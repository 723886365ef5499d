package io.shotcraft.targets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/**
 * Targets with the model, against the stubbed OpenAI endpoint: exactly one call for every selected model, the merged
 * system prompt and schema it is sent (the design's Phases 3 and 4), an answer missing a model or breaking a model's
 * rules repaired once and else completed by the offline engine for that model only.
 */
@QuarkusTest
class TargetsLlmTest {

    static final String SCHEMA = TargetInstructions.SCHEMA_NAME;
    static final String SORA = "A lone samurai walks slowly through a misty bamboo forest at dawn, his worn armour catching the "
            + "first light. Low tracking shot on a 35mm lens, soft golden backlight through the stalks, quiet and melancholic. "
            + "He stops, listens, then walks on as the mist parts.";
    static final String LEONARDO = "lone samurai in a misty bamboo forest at dawn, worn armour, soft golden backlight, anime "
            + "illustration, vivid colours, detailed background";
    static final String MIDJOURNEY = "a lone samurai in a misty bamboo forest at dawn, soft golden backlight, cinematic --ar 16:9 --s 250";

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

    /** A model's answer as its group's schema wants it: a string, or an object with the prompt and a negative prompt. */
    static JsonNode entry(String model, String prompt) {
        var catalog = TargetCatalogTest.load(Map.of());
        var schema = catalog.category("image_generation").group(catalog.model(model).group()).modelSchemas().get(model);
        if ("string".equals(schema.path("type").asText())) {
            return TargetsTest.JSON.getNodeFactory().textNode(prompt);
        }
        return TargetsTest.JSON.createObjectNode().put("prompt", prompt).put("negative_prompt", "blurry, low quality");
    }

    static ObjectNode answer(Object... modelAndPrompt) {
        var prompts = TargetsTest.JSON.createObjectNode();
        for (int i = 0; i < modelAndPrompt.length; i += 2) {
            prompts.set((String) modelAndPrompt[i], entry((String) modelAndPrompt[i], (String) modelAndPrompt[i + 1]));
        }
        var answer = TargetsTest.JSON.createObjectNode();
        answer.set("prompts", prompts);
        return answer;
    }

    static JsonPath post(Object groups) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("category", "image_generation", "groups", groups, "prompt", TargetsTest.PROMPT))
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(200).extract().jsonPath();
    }

    static String systemPrompt(JsonNode sent) {
        return sent.path("messages").get(0).path("content").asText();
    }

    @Test
    void oneCallWritesEveryModelFromTheMergedInstructionsAndSchema() {
        OpenAiStub.answerFor(SCHEMA, answer("SORA_2_A", SORA, "SORA_1_A", SORA, "LEONARDO_ANIME_XL_A", LEONARDO));
        var result = post(List.of("sora", "leonardo"));

        var sent = OpenAiStub.requestsFor(SCHEMA);
        assertThat(sent).hasSize(1);
        assertThat(OpenAiStub.calls()).isEqualTo(1);
        var call = sent.getFirst();

        // Phase 3: the shared instructions, then each selected group's, in selection order; no other group's.
        var catalog = TargetCatalogTest.load(Map.of());
        var image = catalog.category("image_generation");
        var system = systemPrompt(call);
        int shared = system.indexOf(image.sharedInstructions());
        int sora = system.indexOf(image.group("sora").instructions());
        int leonardo = system.indexOf(image.group("leonardo").instructions());
        assertThat(shared).isNotNegative();
        assertThat(sora).isGreaterThan(shared);
        assertThat(leonardo).isGreaterThan(sora);
        for (var other : List.of("phoenix", "midjourney", "stable_diffusion")) {
            assertThat(system).doesNotContain(image.group(other).instructions());
        }

        // Phase 4: the merged schema, exactly.
        var format = call.path("response_format").path("json_schema");
        assertThat(format.path("strict").asBoolean()).isTrue();
        var schema = format.path("schema");
        var expected = TargetsTest.JSON.createObjectNode();
        expected.put("type", "object");
        var prompts = expected.putObject("properties").putObject("prompts");
        prompts.put("type", "object");
        var properties = prompts.putObject("properties");
        for (var model : List.of("SORA_2_A", "SORA_1_A", "LEONARDO_ANIME_XL_A")) {
            properties.set(model, image.group(catalog.model(model).group()).modelSchemas().get(model));
        }
        prompts.putArray("required").add("SORA_2_A").add("SORA_1_A").add("LEONARDO_ANIME_XL_A");
        prompts.put("additionalProperties", false);
        expected.putArray("required").add("prompts");
        expected.put("additionalProperties", false);
        assertThat(schema).isEqualTo(expected);
        assertThat(call.path("messages").get(1).path("content").asText()).contains("samurai")
                .contains("SORA_2_A, SORA_1_A, LEONARDO_ANIME_XL_A");

        assertThat(result.getString("engine")).isEqualTo("llm");
        assertThat(result.getMap("prompts").keySet()).containsExactly("SORA_2_A", "SORA_1_A", "LEONARDO_ANIME_XL_A");
        for (var model : List.of("SORA_2_A", "SORA_1_A", "LEONARDO_ANIME_XL_A")) {
            assertThat(result.getString("prompts." + model + ".engine")).as(model).isEqualTo("llm");
        }
        assertThat(result.getString("prompts.SORA_2_A.prompt")).isEqualTo(SORA);
        assertThat(result.getInt("usage.tokens_in")).isPositive();

        // The same request again is answered from the cache, with no call.
        var again = post(List.of("sora", "leonardo"));
        assertThat(again.getBoolean("cached")).isTrue();
        assertThat(OpenAiStub.calls()).isEqualTo(1);
    }

    @Test
    void aModelMissingFromTheAnswerIsAskedForOnceThenWrittenOfflineTheOthersKept() {
        var missing = answer("SORA_2_A", SORA, "SORA_1_A", SORA);
        OpenAiStub.answerForThen(SCHEMA, missing, missing);
        var result = post(List.of("sora", "leonardo"));

        assertThat(OpenAiStub.calls()).as("the answer, and one repair").isEqualTo(2);
        var repair = OpenAiStub.requestsFor(SCHEMA).get(1);
        assertThat(repair.path("messages").toString()).contains("LEONARDO_ANIME_XL_A: missing");
        assertThat(result.getString("prompts.SORA_2_A.engine")).isEqualTo("llm");
        assertThat(result.getString("prompts.SORA_2_A.prompt")).isEqualTo(SORA);
        assertThat(result.getString("prompts.LEONARDO_ANIME_XL_A.engine")).isEqualTo("offline");
        assertThat(result.getString("prompts.LEONARDO_ANIME_XL_A.prompt")).contains("samurai");
        assertThat(result.getList("prompts.LEONARDO_ANIME_XL_A.warnings", String.class))
                .anySatisfy(w -> assertThat(w).contains("missing"));
    }

    @Test
    void aPromptThatBreaksItsModelsRulesIsRepairedOnce() {
        // Parameters with no text: the adapter repairs flags, but cannot write the picture's description.
        var broken = answer("MIDJOURNEY_A", "--ar 16:9 --s 250", "MIDJOURNEY_B", MIDJOURNEY);
        var fixed = answer("MIDJOURNEY_A", MIDJOURNEY, "MIDJOURNEY_B", MIDJOURNEY);
        OpenAiStub.answerForThen(SCHEMA, broken, fixed);
        var result = post(List.of("midjourney"));

        assertThat(OpenAiStub.calls()).isEqualTo(2);
        assertThat(OpenAiStub.requestsFor(SCHEMA).get(1).path("messages").toString()).contains("MIDJOURNEY_A: ");
        assertThat(result.getString("prompts.MIDJOURNEY_A.engine")).isEqualTo("llm");
        assertThat(result.getString("prompts.MIDJOURNEY_A.prompt")).isEqualTo(MIDJOURNEY);
    }

    @Test
    void whenTheModelFailsEveryPromptIsOfflineAndSaysWhy() {
        OpenAiStub.fail(500);
        var result = post(List.of("stable_diffusion"));
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isNotBlank();
        assertThat(result.getMap("prompts")).hasSize(3);
        for (var model : List.of("SD_A", "SD_B", "SD_C")) {
            assertThat(result.getString("prompts." + model + ".engine")).isEqualTo("offline");
            assertThat(result.getString("prompts." + model + ".negative_prompt")).isNotBlank();
        }
    }
}
