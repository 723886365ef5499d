package io.shotcraft.enhance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.OpenAiStub;

/** For endpoints without structured output: JSON mode, the schema in the prompt, the answer still checked. */
@QuarkusTest
@TestProfile(EnhanceJsonModeTest.JsonMode.class)
class EnhanceJsonModeTest {

    public static class JsonMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shotcraft.ai.structured-output", "json_object", "shotcraft.ai.cache.enabled", "false");
        }
    }

    @BeforeEach
    void freshStub() {
        OpenAiStub.reset();
    }

    private static JsonPath enhance(String prompt) {
        return given().contentType(ContentType.JSON).body(Map.of("prompt", prompt))
                .when().post("/api/v1/enhance").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theRequestUsesJsonModeWithTheSchemaInTheSystemPrompt() {
        OpenAiStub.answerRaw("```json\n{\"enhanced\": \"A kite dances above a windy beach, wide shot.\"}\n```");
        var result = enhance("a kite on a windy beach");
        assertThat(result.getString("engine")).isEqualTo("llm");
        assertThat(result.getString("enhanced")).isEqualTo("A kite dances above a windy beach, wide shot.");

        var sent = OpenAiStub.requests().getFirst();
        assertThat(sent.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(sent.path("messages").get(0).path("content").asText())
                .contains("fits this JSON schema").contains("\"enhanced\"");
        assertThat(OpenAiStub.schemaViolations()).isEmpty();
    }

    @Test
    void anAnswerThatDoesNotFitTheSchemaIsStillRefused() {
        OpenAiStub.answer(Map.of("enhanced", "A kite.", "extra", true));
        var result = enhance("a kite on a windy beach");
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("schema_violation");
    }
}
