package io.shotcraft.enhance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Out of the box, with no API key and no model endpoint at all, the service starts and answers offline. */
@QuarkusTest
@TestProfile(EnhanceWithoutApiKeyTest.NoApiKey.class)
class EnhanceWithoutApiKeyTest {

    public static class NoApiKey implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void theOfflineEngineAnswersAndSaysThereIsNoKey() {
        var result = given().contentType(ContentType.JSON)
                .body(Map.of("prompt", "a lighthouse on a cliff in a storm at night", "seed", 3, "max_words", 60))
                .when().post("/api/v1/enhance")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("model")).isNull();
        assertThat(result.getString("fallback_reason")).isEqualTo("no_api_key");
        assertThat(result.getString("enhanced")).startsWith("a lighthouse on a cliff in a storm at night");
        assertThat(result.getString("enhanced").split("\\s+").length).isLessThanOrEqualTo(60);

        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void clipPromptsComeFromTheTemplatesAndSayThereIsNoKey() {
        var body = """
                {"plan": {"clip_scripts": [
                    {"clip_index": 0, "start": 0, "end": 4, "visual_description": "A lighthouse beam sweeps the storm", "beat_intensity": "high"},
                    {"clip_index": 1, "start": 4, "end": 9.5, "visual_description": "Waves break over the rocks", "beat_intensity": "low"}],
                  "style": {"visual_style": "photorealistic", "mood": "dark", "color_palette": ["#0B1D3A", "#C0C0C0"]}},
                 "references": null}""";
        var result = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/clip-prompts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("no_api_key");
        assertThat(result.getList("clip_prompts.metadata.validated", Boolean.class)).containsExactly(true, true);
        assertThat(result.getList("clip_prompts.duration", Double.class)).containsExactly(4.0, 5.5);
        assertThat(result.getString("clip_prompts[0].prompt")).startsWith("A lighthouse beam sweeps the storm");
        assertThat(result.getString("clip_prompts[0].negative_prompt")).contains("cartoon").contains("overexposed");
    }
}
