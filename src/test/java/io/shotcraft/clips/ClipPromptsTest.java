package io.shotcraft.clips;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.clips.offline.ClipTemplates;
import io.shotcraft.clips.offline.NegativePrompts;
import io.shotcraft.testing.OpenAiStub;

/** Clip prompts through the template path (the LLM switched off): the design's scenarios 1–3 and 5, and bad input. */
@QuarkusTest
class ClipPromptsTest {

    static JsonPath post(Object body) {
        return given().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/clip-prompts")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    static JsonNode postJson(Object body) {
        try {
            return ClipFixtures.JSON.readTree(post(body).prettify());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHappyPathGivesOneValidatedPromptPerClipWithItsReferences() {
        var calls = OpenAiStub.calls();
        var result = postJson(ClipFixtures.offlineRequest());
        assertThat(OpenAiStub.calls()).as("use_llm false never calls the model").isEqualTo(calls);
        assertThat(result.path("job_id").asText()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(result.path("total_clips").asInt()).isEqualTo(6);
        assertThat(result.path("engine").asText()).isEqualTo("offline");
        assertThat(result.path("model").isNull()).isTrue();
        assertThat(result.path("cached").asBoolean()).isFalse();
        assertThat(result.path("generation_time").asDouble()).isGreaterThan(0).isLessThan(5);
        assertThat(result.path("usage").path("cost_usd").decimalValue()).isZero();

        var plan = ClipFixtures.plan().get("clip_scripts");
        var clips = result.path("clip_prompts");
        assertThat(clips).hasSize(6);
        var keywords = clips.get(0).path("metadata").path("style_keywords");
        assertThat(keywords.size()).isBetween(5, 10);
        Set<String> distinct = new HashSet<>();
        keywords.forEach(k -> {
            assertThat(k.asText()).isEqualTo(k.asText().toLowerCase());
            distinct.add(k.asText());
        });
        assertThat(distinct).hasSize(keywords.size()).contains("cyberpunk", "neo-noir");
        var negative = clips.get(0).path("negative_prompt").asText();
        assertThat(negative.split(", ")).contains(NegativePrompts.BANNED.toArray(String[]::new));
        for (int i = 0; i < 6; i++) {
            var clip = clips.get(i);
            var script = plan.get(i);
            var prompt = clip.path("prompt").asText();
            var metadata = clip.path("metadata");
            assertThat(clip.path("clip_index").asInt()).isEqualTo(i);
            assertThat(clip.path("duration").asDouble())
                    .isCloseTo(script.path("end").asDouble() - script.path("start").asDouble(), org.assertj.core.data.Offset.offset(0.001));
            assertThat(prompt).doesNotContain("http").doesNotContain("placeholder.example");
            assertThat(metadata.path("word_count").asInt()).isEqualTo(prompt.split("\\s+").length).isLessThanOrEqualTo(200);
            assertThat(metadata.path("style_keywords")).isEqualTo(keywords);
            assertThat(metadata.path("validated").asBoolean()).isTrue();
            assertThat(metadata.path("llm_used").asBoolean()).isFalse();
            assertThat(metadata.has("scene_id") && metadata.has("character_ids") && metadata.has("llm_model")).isTrue();
            assertThat(metadata.path("character_ids")).isEqualTo(script.path("characters"));
            assertThat(metadata.path("scene_id").asText()).isEqualTo(script.path("scenes").get(0).asText());
            assertThat(metadata.path("reference_mode").asText()).isEqualTo("scene");
            assertThat(metadata.path("reference_coverage").asText()).isEqualTo("full");
            assertThat(clip.path("negative_prompt").asText()).isEqualTo(negative);
            assertThat(clip.path("scene_reference_url").asText())
                    .isEqualTo("https://placeholder.example/scene_" + script.path("scenes").get(0).asText() + ".png");
            assertThat(metadata.path("primary_reference_url")).isEqualTo(clip.path("scene_reference_url"));
            assertThat(clip.path("character_reference_urls")).hasSize(script.path("characters").size());
            assertThat(prompt).contains(ClipTemplates.SCENE_HINT).contains(ClipTemplates.CHARACTER_HINT);
        }
        assertThat(clips.get(1).path("character_reference_urls").toString())
                .contains("char_protagonist.png").contains("char_stranger.png");
    }

    @Test
    void promptsReflectTheClipTheStyleAndThePalette() {
        var clips = postJson(ClipFixtures.offlineRequest()).path("clip_prompts");
        var first = clips.get(0).path("prompt").asText();
        assertThat(first).startsWith("A lone woman walks toward camera through the rain-slicked street")
                .contains("set in a rain-slicked cyberpunk street").contains("featuring a young woman")
                .contains("slow forward walk").contains("low angle tracking shot")
                .contains("in a cyberpunk neo-noir style that feels melancholic but hopeful")
                .contains("cyan").contains("magenta").contains("neon lighting with high contrast");
        assertThat(clips.get(2).path("prompt").asText()).as("a high beat quickens a given motion").contains("running, coat flying, fast and energetic");
        assertThat(clips.get(3).path("prompt").asText()).as("no motion or camera: the high beat's default")
                .contains("dynamic tracking shot, handheld camera");
        assertThat(clips.get(5).path("prompt").asText()).as("empty description").startsWith(ClipTemplates.FALLBACK_DESCRIPTION)
                .contains("a tall man in a long dark coat");
    }

    @Test
    void eachClipContinuesThePreviousClipOfItsScene() {
        var clips = postJson(ClipFixtures.offlineRequest()).path("clip_prompts");
        assertThat(clips.get(0).path("metadata").has("previous_clip_index")).isFalse();
        assertThat(clips.get(1).path("metadata").path("previous_clip_index").asInt()).isZero();
        assertThat(clips.get(1).path("prompt").asText()).contains("continuing from the previous shot where a lone woman walks");
        assertThat(clips.get(2).path("metadata").has("previous_clip_index")).as("first clip in the subway").isFalse();
        assertThat(clips.get(3).path("metadata").path("previous_clip_index").asInt()).isEqualTo(2);
    }

    @Test
    void withoutReferencesThePromptsAreTextOnly() {
        var request = ClipFixtures.offlineRequest();
        request.putNull("references");
        var clips = postJson(request).path("clip_prompts");
        assertThat(clips).hasSize(6).allSatisfy(clip -> {
            assertThat(clip.path("scene_reference_url").isNull()).isTrue();
            assertThat(clip.path("character_reference_urls")).isEmpty();
            assertThat(clip.path("metadata").path("reference_mode").asText()).isEqualTo("text_only");
            assertThat(clip.path("metadata").path("primary_reference_url").isNull()).isTrue();
            assertThat(clip.path("metadata").path("validated").asBoolean()).isTrue();
            assertThat(clip.path("prompt").asText()).doesNotContain(ClipTemplates.SCENE_HINT).doesNotContain(ClipTemplates.CHARACTER_HINT)
                    .as("descriptions make up for the missing images").contains("young woman");
        });
        assertThat(clips.get(2).path("prompt").asText()).contains("set in an empty subway car with flickering fluorescent lights");
    }

    @Test
    void aFailedReferenceSetGivesTextOnlyPromptsToo() {
        var request = ClipFixtures.offlineRequest();
        ((ObjectNode) request.get("references")).put("status", "failed");
        assertThat(postJson(request).path("clip_prompts"))
                .allSatisfy(clip -> assertThat(clip.path("metadata").path("reference_mode").asText()).isEqualTo("text_only"));
    }

    @Test
    void partialReferencesMapWhatExistsByThePriorityRules() {
        var request = ClipFixtures.offlineRequest();
        var refs = (ObjectNode) request.get("references");
        refs.put("status", "partial");
        remove((ArrayNode) refs.get("scene_references"), "scene_id", "subway");
        remove((ArrayNode) refs.get("character_references"), "character_id", "stranger");
        var clips = postJson(request).path("clip_prompts");

        var street = clips.get(1);
        assertThat(street.path("scene_reference_url").asText()).endsWith("scene_city_street.png");
        assertThat(street.path("character_reference_urls")).hasSize(1);
        assertThat(street.path("metadata").path("reference_coverage").asText()).isEqualTo("partial");

        var subway = clips.get(2);
        assertThat(subway.path("scene_reference_url").isNull()).isTrue();
        assertThat(subway.path("metadata").path("reference_mode").asText()).isEqualTo("character");
        assertThat(subway.path("metadata").path("primary_reference_url").asText()).endsWith("char_protagonist.png");
        assertThat(subway.path("prompt").asText()).doesNotContain(ClipTemplates.SCENE_HINT).contains(ClipTemplates.CHARACTER_HINT);
        assertThat(clips).allSatisfy(clip -> assertThat(clip.path("metadata").path("validated").asBoolean()).isTrue());
    }

    @Test
    void referencesWithInvalidUrlsAreDroppedWithAWarning() {
        var request = ClipFixtures.offlineRequest();
        var scenes = (ArrayNode) request.get("references").get("scene_references");
        ((ObjectNode) scenes.get(0)).put("image_url", "file:///etc/passwd");
        var clips = postJson(request).path("clip_prompts");
        for (int i : List.of(0, 1)) {
            assertThat(clips.get(i).path("scene_reference_url").isNull()).isTrue();
            assertThat(clips.get(i).path("metadata").path("reference_mode").asText()).isEqualTo("character");
            assertThat(clips.get(i).path("metadata").path("warnings").toString()).contains("scene reference 'city_street'");
        }
        assertThat(clips.toString()).doesNotContain("file:");
        assertThat(clips.get(2).path("metadata").path("warnings")).isEmpty();
    }

    @Test
    void maxWordsCapsEveryPrompt() {
        var request = ClipFixtures.offlineRequest();
        ((ObjectNode) request.get("options")).put("max_words", 40);
        var clips = postJson(request).path("clip_prompts");
        assertThat(clips).allSatisfy(clip -> {
            assertThat(clip.path("prompt").asText().split("\\s+").length).isLessThanOrEqualTo(40);
            assertThat(clip.path("metadata").path("word_count").asInt()).isLessThanOrEqualTo(40);
        });
        assertThat(clips.get(0).path("prompt").asText()).startsWith("A lone woman walks toward camera");
    }

    @ParameterizedTest
    @ValueSource(ints = { 3, 60 })
    void shortAndLongSongsGetEveryClip(int count) {
        var result = postJson(ClipFixtures.requestOf(count, false));
        assertThat(result.path("total_clips").asInt()).isEqualTo(count);
        var clips = result.path("clip_prompts");
        assertThat(clips).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(clips.get(i).path("clip_index").asInt()).isEqualTo(i);
            assertThat(clips.get(i).path("prompt").asText()).contains("(take " + i + ")");
            assertThat(clips.get(i).path("metadata").path("validated").asBoolean()).isTrue();
        }
    }

    @Test
    void scriptsSentOutOfOrderComeBackInClipOrder() {
        var request = ClipFixtures.offlineRequest();
        var scripts = (ArrayNode) request.get("plan").get("clip_scripts");
        var reversed = ClipFixtures.JSON.createArrayNode();
        for (int i = scripts.size() - 1; i >= 0; i--) {
            reversed.add(scripts.get(i));
        }
        ((ObjectNode) request.get("plan")).set("clip_scripts", reversed);
        var clips = postJson(request).path("clip_prompts");
        for (int i = 0; i < 6; i++) {
            assertThat(clips.get(i).path("clip_index").asInt()).isEqualTo(i);
        }
        assertThat(clips.get(0).path("prompt").asText()).startsWith("A lone woman");
    }

    @Test
    void aRequestWithoutJobIdGetsANewOne() {
        var request = ClipFixtures.offlineRequest();
        request.remove("job_id");
        var first = post(request).getString("job_id");
        var second = post(request).getString("job_id");
        assertThat(first).hasSize(36).isNotEqualTo(second);
    }

    @Test
    void theOutputHasExactlyTheFieldsOfTheSampleClipPrompts() {
        var sample = ClipFixtures.read("sample_clip_prompts.json");
        var result = postJson(ClipFixtures.offlineRequest());
        assertThat(fields(result)).containsExactlyInAnyOrderElementsOf(fields(sample));
        assertThat(fields(result.path("clip_prompts").get(1))).containsExactlyInAnyOrderElementsOf(fields(sample.path("clip_prompts").get(1)));
        assertThat(fields(result.path("clip_prompts").get(1).path("metadata")))
                .containsExactlyInAnyOrderElementsOf(fields(sample.path("clip_prompts").get(1).path("metadata")));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void remove(ArrayNode array, String field, String value) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            if (it.next().path(field).asText().equals(value)) {
                it.remove();
            }
        }
    }

    static Map<String, Object> problem(int status, String path, Object body) {
        return given().contentType(ContentType.JSON).body(body.toString()).when().post(path)
                .then().statusCode(status).contentType("application/problem+json").extract().jsonPath().getMap("");
    }
}
