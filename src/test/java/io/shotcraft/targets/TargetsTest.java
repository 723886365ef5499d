package io.shotcraft.targets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.SseClient;

/**
 * Targets through the API with the offline engine: the design's Phase 7 cases (one group → its models, two, all
 * nine; invalid selections; a second request with another selection; the tokens saved), the session as the source
 * and its remembered selection, bad input, and the job with its events.
 */
@QuarkusTest
class TargetsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMPT = "A lone samurai walks through a bamboo forest at dawn, mist drifting between the stalks, "
            + "low tracking shot, soft golden light, melancholic mood";
    static final Map<String, String> OFFLINE = Map.of("engine", "offline");
    static final List<String> IMAGE_GROUPS = List.of("sora", "phoenix", "leonardo", "midjourney", "stable_diffusion");
    static final List<String> IMAGE_MODELS = List.of("SORA_2_A", "SORA_1_A", "PHOENIX_1_0_A", "LEONARDO_ANIME_XL_A",
            "MIDJOURNEY_A", "MIDJOURNEY_B", "SD_A", "SD_B", "SD_C");

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    static JsonPath prompts(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> request(Object... pairs) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("category", "image_generation");
        body.put("prompt", PROMPT);
        body.put("options", OFFLINE);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                body.remove((String) pairs[i]);
            } else {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    static void invalid(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    @Test
    void theGroupsAreListedNumberedInTheDesignsOrder() {
        var list = given().when().get("/api/v1/targets/groups?category=image_generation")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("groups.name")).isEqualTo(IMAGE_GROUPS);
        assertThat(list.getList("groups.number", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(list.getList("groups.models.flatten()")).isEqualTo(IMAGE_MODELS);
        assertThat(list.getList("groups.label", String.class)).allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(list.getList("groups.description", String.class)).allSatisfy(d -> assertThat(d).isNotBlank());
        assertThat(list.getList("groups.default_selection", String.class)).containsOnly("");

        var video = given().when().get("/api/v1/targets/groups?category=video_generation")
                .then().statusCode(200).extract().jsonPath();
        assertThat(video.getList("groups.name")).containsExactly("motion_2_0", "midjourney_animate");

        given().when().get("/api/v1/targets/groups?category=audio")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("image_generation"));
    }

    @Test
    void soraOnlyGivesItsTwoModels() {
        var result = prompts(request("groups", List.of("sora")));
        assertThat(result.getList("selected_groups")).containsExactly("sora");
        assertThat(result.getList("selected_models")).containsExactly("SORA_2_A", "SORA_1_A");
        assertThat(result.getInt("model_count")).isEqualTo(2);
        assertThat(result.getMap("prompts").keySet()).containsExactly("SORA_2_A", "SORA_1_A");
        assertThat(result.getString("engine")).isEqualTo("offline");
        for (var model : List.of("SORA_2_A", "SORA_1_A")) {
            assertThat(result.getString("prompts." + model + ".prompt")).contains("samurai");
            assertThat(result.getString("prompts." + model + ".group")).isEqualTo("sora");
            assertThat(result.getString("prompts." + model + ".engine")).isEqualTo("offline");
            // Sora's duration and size are parameters, never part of the prose.
            assertThat(result.getMap("prompts." + model + ".parameters")).containsKeys("seconds", "size");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "1,3", "1 3", "1, 3", " 1 ,  3 " })
    void theDesignsSelectionFormsAllWork(String selection) {
        var result = prompts(request("selection", selection));
        assertThat(result.getList("selected_groups")).containsExactly("sora", "leonardo");
        assertThat(result.getList("selected_models")).containsExactly("SORA_2_A", "SORA_1_A", "LEONARDO_ANIME_XL_A");
        assertThat(result.getMap("prompts")).hasSize(3);
    }

    @Test
    void everyImageGroupGivesNinePromptsThatObeyTheirModelsRules() {
        var result = prompts(request("selection", "1,2,3,4,5"));
        assertThat(result.getList("selected_models")).isEqualTo(IMAGE_MODELS);
        assertThat(result.getInt("model_count")).isEqualTo(9);
        assertThat(result.getMap("prompts").keySet()).containsExactlyElementsOf(IMAGE_MODELS);
        for (var model : IMAGE_MODELS) {
            assertThat(result.getString("prompts." + model + ".prompt")).as(model).isNotBlank();
        }
        assertThat(result.getString("prompts.MIDJOURNEY_A.prompt")).as("text first, parameters last").doesNotStartWith("--");
        // The variants are data (groups.json "options"): A is stylized, B raw and plainer.
        assertThat(result.getString("prompts.MIDJOURNEY_A.prompt")).contains("--s 250").doesNotContain("--raw");
        assertThat(result.getString("prompts.MIDJOURNEY_B.prompt")).contains("--s 100").contains("--raw");
        assertThat(List.of(result.getString("prompts.SD_A.prompt"), result.getString("prompts.SD_B.prompt"),
                result.getString("prompts.SD_C.prompt"))).as("tags, a sentence, minimal").doesNotHaveDuplicates();
        assertThat(result.getString("prompts.SD_A.negative_prompt")).isNotBlank();
        var tokens = result.getMap("tokens");
        assertThat(tokens.get("sent")).isEqualTo(tokens.get("all_groups"));
        assertThat(tokens.get("saved_pct")).isEqualTo(0);
    }

    @Test
    void aSecondRequestWithAnotherSelectionGetsOnlyThoseModelsAndSavesTokens() {
        var first = prompts(request("groups", List.of("sora", "leonardo")));
        var second = prompts(request("groups", List.of("midjourney")));
        assertThat(second.getMap("prompts").keySet()).containsExactly("MIDJOURNEY_A", "MIDJOURNEY_B");
        assertThat(second.getList("selected_groups")).containsExactly("midjourney");

        int all = first.getInt("tokens.all_groups");
        int sent = first.getInt("tokens.sent");
        assertThat(second.getInt("tokens.all_groups")).isEqualTo(all);
        assertThat(sent).isLessThan(all).isPositive();
        assertThat(first.getInt("tokens.saved_pct")).isEqualTo((int) Math.round(100.0 * (all - sent) / all));
        var soraOnly = prompts(request("groups", List.of("sora")));
        assertThat(soraOnly.getInt("tokens.sent")).isLessThan(sent);
    }

    @Test
    void aRequestsOptionsForAModelGoOverItsOwn() {
        var result = prompts(request("groups", List.of("midjourney"), "options", Map.of("engine", "offline", "aspect_ratio", "21:9",
                "models", Map.of("MIDJOURNEY_A", Map.of("stylize", "500")))));
        assertThat(result.getString("prompts.MIDJOURNEY_A.prompt")).contains("--s 500").contains("--ar 21:9");
        assertThat(result.getString("prompts.MIDJOURNEY_B.prompt")).contains("--s 100").contains("--ar 21:9");
    }

    @Test
    void theSelectionOrderIsTheAnswersOrder() {
        var result = prompts(request("groups", List.of("leonardo", "sora")));
        assertThat(result.getList("selected_models")).containsExactly("LEONARDO_ANIME_XL_A", "SORA_2_A", "SORA_1_A");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "0", "6", "1,1", "1,x", "-1", "1;3", "99999999999" })
    void invalidSelectionsAreProblemsNamingTheChoices(String selection) {
        given().contentType(ContentType.JSON).body(request("selection", selection))
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("1 sora, 2 phoenix, 3 leonardo, 4 midjourney, 5 stable_diffusion"))
                .body("errors[0].field", equalTo("selection"));
    }

    @Test
    void invalidGroupNamesAndMissingSelectionsAreProblems() {
        invalid(request("groups", List.of("sora", "nope")), "groups");
        invalid(request("groups", List.of("sora", "sora")), "groups");
        invalid(request("groups", List.of()), "groups");
        invalid(request("groups", List.of("sora"), "selection", "1"), "groups");
        invalid(request(), "groups");
        invalid(request("groups", List.of("motion_2_0")), "groups");
        invalid(request("category", "audio", "groups", List.of("sora")), "category");
    }

    @Test
    void badSourcesAndOptionsAreProblems() {
        invalid(request("groups", List.of("sora"), "prompt", null), "prompt");
        invalid(request("groups", List.of("sora"), "prompt", "   "), "prompt");
        invalid(request("groups", List.of("sora"), "session_id", "00000000-0000-0000-0000-000000000000"), "session_id");
        invalid(request("groups", List.of("sora"), "revision", 2), "revision");
        invalid(request("groups", List.of("sora"), "options", Map.of("engine", "offline", "aspect_ratio", "16.5:9")),
                "options");
        invalid(request("groups", List.of("sora"), "options", Map.of("engine", "offline", "models",
                Map.of("NOPE_A", Map.of("stylize", "100")))), "options.models.NOPE_A");
        invalid(request("groups", List.of("sora"), "options", Map.of("engine", "sometimes")), "options.engine");
        given().contentType(ContentType.JSON).body("{\"category\": \"image_generation\", \"groups\": \"sora\"")
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aSessionIsTheSourceAndRemembersItsSelectionPerCategory() {
        var session = given().contentType(ContentType.JSON).body(Map.of("prompt", PROMPT, "options", OFFLINE))
                .when().post("/api/v1/sessions").then().statusCode(201).extract().jsonPath();
        String id = session.getString("id");

        // No selection yet, none given: a problem, and nothing remembered.
        invalid(request("prompt", null, "session_id", id), "groups");

        var first = prompts(request("prompt", null, "session_id", id, "selection", "2,4"));
        assertThat(first.getString("source.session_id")).isEqualTo(id);
        assertThat(first.getInt("source.revision")).isEqualTo(1);
        assertThat(first.getList("selected_groups")).containsExactly("phoenix", "midjourney");
        assertThat(first.getString("prompts.PHOENIX_1_0_A.prompt")).contains("samurai");

        // The design's previous_selection: a request with none uses the session's last one in the category.
        var again = prompts(request("prompt", null, "session_id", id));
        assertThat(again.getList("selected_groups")).containsExactly("phoenix", "midjourney");

        // A failed request changes nothing remembered.
        invalid(request("prompt", null, "session_id", id, "groups", List.of("nope")), "groups");
        assertThat(prompts(request("prompt", null, "session_id", id)).getList("selected_groups"))
                .containsExactly("phoenix", "midjourney");

        // Another category keeps its own.
        var video = prompts(request("prompt", null, "session_id", id, "category", "video_generation", "groups",
                List.of("midjourney_animate")));
        assertThat(video.getList("selected_groups")).containsExactly("midjourney_animate");
        assertThat(prompts(request("prompt", null, "session_id", id)).getList("selected_groups"))
                .containsExactly("phoenix", "midjourney");

        given().contentType(ContentType.JSON).body(request("prompt", null, "session_id", id, "revision", 7, "groups", List.of("sora")))
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON)
                .body(request("prompt", null, "session_id", "6f1c3c1e-0000-4000-8000-000000000000", "groups", List.of("sora")))
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void theJobStreamsTheAnswer() throws Exception {
        var job = given().contentType(ContentType.JSON).body(request("groups", List.of("sora", "stable_diffusion")))
                .when().post("/api/v1/jobs/targets")
                .then().statusCode(202).extract().jsonPath();
        var stream = SseClient.open(jobs.resolve(job.getString("id") + "/events"), null);
        assertThat(stream.status).isEqualTo(200);
        var events = stream.closed.get(20, TimeUnit.SECONDS);
        var names = events.stream().map(SseClient.Event::name).toList();
        assertThat(names.getFirst()).isEqualTo("stage_update");
        assertThat(names).contains("progress", "target_prompts");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("stage_update", "completed");
        var answer = read(events.stream().filter(e -> e.name().equals("target_prompts")).findFirst().orElseThrow().data());
        assertThat(answer.path("selected_models").toString()).isEqualTo("[\"SORA_2_A\",\"SORA_1_A\",\"SD_A\",\"SD_B\",\"SD_C\"]");
        assertThat(answer.path("model_count").asInt()).isEqualTo(5);

        given().contentType(ContentType.JSON).body(request("selection", "7"))
                .when().post("/api/v1/jobs/targets")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("selection"));
    }

    @Test
    void everyClipOfAClipJobGetsEverySelectedModelsPrompt() throws Exception {
        var clipsRequest = JSON.createObjectNode();
        clipsRequest.set("plan", JSON.readTree(getClass().getResourceAsStream("/clips/sample_scene_plan.json")));
        clipsRequest.set("references", JSON.readTree(getClass().getResourceAsStream("/clips/sample_reference_images.json")));
        clipsRequest.putObject("options").put("use_llm", false);
        var clipsJob = given().contentType(ContentType.JSON).body(clipsRequest.toString())
                .when().post("/api/v1/jobs/clip-prompts").then().statusCode(202).extract().jsonPath().getString("id");
        var clipEvents = SseClient.open(jobs.resolve(clipsJob + "/events"), null).closed.get(20, TimeUnit.SECONDS);
        var clipResult = read(clipEvents.getLast().data()).path("result");
        int clips = clipResult.path("total_clips").asInt();
        assertThat(clips).isGreaterThan(1);

        // The clips are a job's source only: the synchronous endpoint says where to go.
        given().contentType(ContentType.JSON).body(request("prompt", null, "clips_job_id", clipsJob, "selection", "1,3"))
                .when().post("/api/v1/targets/prompts")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("/api/v1/jobs/targets"));

        var job = given().contentType(ContentType.JSON).body(request("prompt", null, "clips_job_id", clipsJob, "selection", "1,3"))
                .when().post("/api/v1/jobs/targets").then().statusCode(202).extract().jsonPath();
        var events = SseClient.open(jobs.resolve(job.getString("id") + "/events"), null).closed.get(30, TimeUnit.SECONDS);
        var names = events.stream().map(SseClient.Event::name).toList();
        assertThat(names.getLast()).isEqualTo("completed");
        assertThat(names.stream().filter("progress"::equals).count()).as("a progress event per clip").isGreaterThanOrEqualTo(clips);
        var answer = read(events.stream().filter(e -> e.name().equals("target_prompts")).findFirst().orElseThrow().data());
        assertThat(answer.path("clip_count").asInt()).isEqualTo(clips);
        assertThat(answer.path("clips_job_id").asText()).isEqualTo(clipsJob);
        var written = answer.path("clips");
        for (int i = 0; i < clips; i++) {
            var clip = written.get(i);
            assertThat(clip.path("clip_index").asInt()).isEqualTo(clipResult.path("clip_prompts").get(i).path("clip_index").asInt());
            assertThat(clip.path("source").asText()).isEqualTo(clipResult.path("clip_prompts").get(i).path("prompt").asText());
            assertThat(clip.path("prompts").size()).isEqualTo(3);
            assertThat(clip.path("prompts").path("LEONARDO_ANIME_XL_A").path("prompt").asText()).isNotBlank();
        }

        // A job that is not a clip job is no source: the targets job fails with the problem.
        var wrong = given().contentType(ContentType.JSON).body(request("prompt", null, "clips_job_id", job.getString("id"), "selection", "1"))
                .when().post("/api/v1/jobs/targets").then().statusCode(202).extract().jsonPath();
        var failed = SseClient.open(jobs.resolve(wrong.getString("id") + "/events"), null).closed.get(20, TimeUnit.SECONDS);
        assertThat(failed.getLast().name()).isEqualTo("failed");
        assertThat(read(failed.getLast().data()).path("detail").asText()).contains("not clips.prompts");
    }

    private static JsonNode read(String text) throws Exception {
        return JSON.readTree(text);
    }
}
