package io.shotcraft.targets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Adding a group is adding files: a further location (a test resource folder here) adds the group {@code flux} and
 * its model to the image category, and the service lists it and writes its prompts with no code change.
 */
@QuarkusTest
@TestProfile(ExtraGroupTest.ExtraLocation.class)
class ExtraGroupTest {

    public static class ExtraLocation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shotcraft.targets.locations", "prompts/targets,targets-extra");
        }
    }

    @Test
    void theExtraGroupIsListedLastAndWritesItsPrompts() {
        var list = given().when().get("/api/v1/targets/groups?category=image_generation")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("groups.name")).containsExactly("sora", "phoenix", "leonardo", "midjourney", "stable_diffusion",
                "flux");
        assertThat(list.getInt("groups[5].number")).isEqualTo(6);
        assertThat(list.getList("groups[5].models")).containsExactly("FLUX_1_DEV_A");

        var result = given().contentType(ContentType.JSON)
                .body(Map.of("category", "image_generation", "selection", "6, 1", "prompt", TargetsTest.PROMPT,
                        "options", Map.of("engine", "offline")))
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("selected_models")).isEqualTo(List.of("FLUX_1_DEV_A", "SORA_2_A", "SORA_1_A"));
        assertThat(result.getString("prompts.FLUX_1_DEV_A.prompt")).contains("samurai");
        assertThat(result.getString("prompts.FLUX_1_DEV_A.group")).isEqualTo("flux");
        assertThat(result.getMap("prompts.FLUX_1_DEV_A.parameters")).containsEntry("guidance", 3.5f);
    }
}
