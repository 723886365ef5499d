package io.shotcraft.learning;

import static io.restassured.RestAssured.given;
import static io.shotcraft.learning.LearningTesting.BASE;
import static io.shotcraft.learning.LearningTesting.rate;
import static io.shotcraft.learning.LearningTesting.status;
import static io.shotcraft.learning.LearningTesting.study;
import static io.shotcraft.learning.LearningTesting.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LearningTest {

    @Test
    void aStudyStartsFromTheDesignsPresetAndFirstVersion() {
        var id = study("interiors");
        var study = given().when().get(BASE + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(study.getString("name")).isEqualTo("interiors");
        assertThat(study.getList("space.name")).containsExactly("api", "init_strength", "guidance_scale", "controlnet_weight");
        assertThat(study.getList("space[0].categories")).containsExactly("leonardo", "stablediffusion");
        assertThat(study.getString("labels.current")).isEqualTo("v1.0.0");
        assertThat(study.getString("backends.default")).isEqualTo("offline");
        assertThat(study.getInt("rules.max_prompt_length")).isEqualTo(1500);

        var file = given().when().get(BASE + "/" + id + "/versions/v1.0.0").then().statusCode(200).extract().jsonPath();
        assertThat(file.getString("created_by")).isEqualTo("system_init");
        assertThat(file.getString("leonardo.prompt")).startsWith("ultra-realistic, photorealistic interior design render");
        assertThat(file.getDouble("stablediffusion.guidance_scale")).isEqualTo(7.5);
        assertThat(file.getInt("performance.sample_count")).isZero();
        assertThat(file.getString("metadata.description")).isEqualTo("Initial hardcoded prompts from route.js");
    }

    @Test
    void aTrialRendersTwoSuggestionsInTheDesignsShape() {
        var id = study("trial shape");
        var trial = trial(id);
        assertThat(trial.getString("status")).isEqualTo("ready");
        assertThat(trial.getString("experiment_id")).isNotBlank();
        assertThat(trial.getList("options.option")).containsExactly("A", "B");
        assertThat(trial.getList("options.prompt_version")).containsExactly("v1.0.0", "v1.0.0");
        Map<String, Object> a = trial.getMap("options[0].parameters");
        Map<String, Object> b = trial.getMap("options[1].parameters");
        assertThat(a).containsOnlyKeys("api", "init_strength", "guidance_scale", "controlnet_weight");
        assertThat(a).isNotEqualTo(b);
        assertThat(((Number) a.get("init_strength")).doubleValue()).isBetween(0.1, 0.5);
        // shown as a person would read them: three decimals
        assertThat(a.get("guidance_scale").toString()).matches("\\d+(\\.\\d{1,3})?");
        assertThat((Object) trial.get("original_url")).isNull();
        for (int i = 0; i < 2; i++) {
            var url = trial.getString("options[" + i + "].url");
            assertThat(url).isEqualTo("/api/v1/renders/" + trial.getString("options[" + i + "].image_id") + "/output/0");
            given().when().get(url).then().statusCode(200).header("Content-Type", "image/png");
            // the render is a render like any other, with the version's prompt after the subject
            var render = given().when().get(trial.getString("options[" + i + "].render_url")).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(render.getString("inputs.prompt")).startsWith("a sunlit living room with an oak floor, ultra-realistic");
            assertThat(render.getDouble("inputs.parameters.guidance")).isCloseTo(
                    ((Number) trial.getMap("options[" + i + "].parameters").get("guidance_scale")).doubleValue(), within(1e-6));
        }
        // both options share a seed: they differ by their parameters, not by chance
        var seeds = List.of(0, 1).stream().map(i -> given().when().get(trial.getString("options[" + i + "].render_url"))
                .then().extract().jsonPath().getLong("inputs.parameters.seed")).distinct().toList();
        assertThat(seeds).hasSize(1);
    }

    @Test
    void ratingsCountAsSamplesAndTheStatusFollowsThem() {
        var id = study("ratings");
        var first = trial(id);
        var answer = rate(id, first, 3, 2);
        assertThat(answer.getBoolean("success")).isTrue();
        assertThat(answer.getString("message")).isEqualTo("Ratings saved");
        assertThat(answer.getBoolean("ml_updated")).isTrue();
        assertThat(answer.getInt("samples_collected")).isEqualTo(2);
        assertThat(answer.getDouble("current_best_rating")).isEqualTo(3.0);
        assertThat(answer.getBoolean("phase_1_complete")).isFalse();

        var status = status(id);
        assertThat(status.getBoolean("phase_1.active")).isTrue();
        assertThat(status.getInt("phase_1.samples_collected")).isEqualTo(2);
        assertThat(status.getDouble("phase_1.best_rating")).isEqualTo(3.0);
        assertThat(status.getInt("phase_1.estimated_trials_remaining")).isEqualTo(48);
        assertThat(status.getDouble("phase_1.convergence")).isEqualTo(0.04);
        assertThat(status.getInt("phase_2.training_samples")).isEqualTo(2);
        assertThat(status.getBoolean("phase_2.ready_for_inference")).isFalse();
        assertThat(status.getString("prompt_evolution.current_version")).isEqualTo("v1.0.0");
        assertThat(status.getInt("prompt_evolution.next_evolution_at_sample")).isEqualTo(10);
        assertThat(status.getMap("current_best.parameters")).isEqualTo(first.getMap("options[0].parameters"));

        // a rating of 4 reaches the design's target: Phase 1 is complete
        var second = trial(id);
        var done = rate(id, second, 1, 4);
        assertThat(done.getBoolean("phase_1_complete")).isTrue();
        assertThat(done.getInt("samples_collected")).isEqualTo(4);
        var after = status(id);
        assertThat(after.getBoolean("phase_1.active")).isFalse();
        assertThat(after.getString("phase_1.stop_reason")).isEqualTo("target_reached");
        assertThat(after.getDouble("phase_1.convergence")).isEqualTo(1.0);

        var history = given().when().get(BASE + "/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("experiments.experiment_id")).containsExactly(second.getString("experiment_id"),
                first.getString("experiment_id"));
        assertThat(history.getList("experiments[0].options.rating")).containsExactly(1.0f, 4.0f);
        assertThat(history.getInt("analytics.total_samples")).isEqualTo(4);
        assertThat(history.getDouble("analytics.avg_rating")).isEqualTo(2.5);
        assertThat(history.getList("analytics.best_so_far")).containsExactly(3.0f, 3.0f, 3.0f, 4.0f);
        assertThat(history.getMap("analytics.best_parameters")).isEqualTo(second.getMap("options[1].parameters"));
        var filtered = given().when().get(BASE + "/" + id + "/history?min_rating=4").then().statusCode(200).extract().jsonPath();
        assertThat(filtered.getList("experiments.experiment_id")).containsExactly(second.getString("experiment_id"));

        var file = given().when().get(BASE + "/" + id + "/versions/v1.0.0").then().statusCode(200).extract().jsonPath();
        assertThat(file.getInt("performance.sample_count")).isEqualTo(4);
        assertThat(file.getDouble("performance.avg_rating")).isEqualTo(2.5);
        assertThat(file.getDouble("performance.win_rate")).isEqualTo(0.5);
    }

    @Test
    void aTrialIsRatedOnceAndBadRatingsAreRefusedWithoutStoringAnything() {
        var id = study("bad ratings");
        var trial = trial(id);
        var good = LearningTesting.ratings(trial, 4, 2);
        var url = BASE + "/" + id + "/ratings";
        var experiment = trial.getString("experiment_id");

        refused(url, Map.of("experiment_id", experiment, "ratings", List.of(Map.of("option", "A", "rating", 6),
                Map.of("option", "B", "rating", 2))), "ratings[0].rating");
        refused(url, Map.of("experiment_id", experiment, "ratings", List.of(Map.of("option", "A", "rating", 4.5),
                Map.of("option", "B", "rating", 2))), "ratings[0].rating");
        refused(url, Map.of("experiment_id", experiment, "ratings", List.of(Map.of("option", "C", "rating", 4),
                Map.of("option", "B", "rating", 2))), "ratings[0].option");
        refused(url, Map.of("experiment_id", experiment, "ratings", List.of(Map.of("option", "A", "rating", 4))), "ratings");
        refused(url, Map.of("experiment_id", experiment, "ratings", List.of(Map.of("option", "A", "rating", 4),
                Map.of("option", "A", "rating", 2))), "ratings[1].option");
        refused(url, Map.of("experiment_id", experiment, "ratings", List.of(
                Map.of("option", "A", "rating", 4, "image_id", trial.getString("options[1].image_id")),
                Map.of("option", "B", "rating", 2))), "ratings[0].image_id");
        refused(url, Map.of("experiment_id", "exp_12345", "ratings", List.of(Map.of("option", "A", "rating", 4))),
                "experiment_id");
        given().contentType(ContentType.JSON).body(Map.of("experiment_id", "0b9d6f2e-5d0c-4a43-9a57-2f8d0c1b7e11",
                "ratings", List.of(Map.of("option", "A", "rating", 4)))).when().post(url)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(status(id).getInt("phase_1.samples_collected")).isZero();

        given().contentType(ContentType.JSON).body(good).when().post(url).then().statusCode(200);
        given().contentType(ContentType.JSON).body(LearningTesting.ratings(trial, 1, 1)).when().post(url)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Trial " + experiment + " was already rated by trainer@example.com"));
        var stored = given().when().get(BASE + "/" + id + "/trials/" + experiment).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("options.rating")).containsExactly(4, 2);
        assertThat(status(id).getInt("phase_1.samples_collected")).isEqualTo(2);
    }

    private static void refused(String url, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    @Test
    void badStudiesAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "space", List.of(Map.of("name", "cfg", "type", "fuzzy"))))
                .when().post(BASE).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("space"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "backends", Map.of("leonardo", "nowhere")))
                .when().post(BASE).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("backends.leonardo"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "initial_version", Map.of("version", "1.0")))
                .when().post(BASE).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("initial_version.version"));
        given().contentType(ContentType.JSON).body(Map.of("name", " ")).when().post(BASE).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("name"));
        given().when().get(BASE + "/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().when().get(BASE + "/0b9d6f2e-5d0c-4a43-9a57-2f8d0c1b7e11/status").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void versionsAreImportedExportedAndNeverChange() {
        var id = study("versions");
        var exported = given().when().get(BASE + "/" + id + "/versions/v1.0.0").then().statusCode(200).extract()
                .as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> file = new java.util.LinkedHashMap<>(exported);
        file.put("version", "v1.0.1");
        file.put("parent_version", "v1.0.0");
        file.put("created_by", "trainer");
        given().contentType(ContentType.JSON).body(file).when().post(BASE + "/" + id + "/versions")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/versions/v1.0.1"))
                .body("version", equalTo("v1.0.1")).body("parent_version", equalTo("v1.0.0"));
        given().contentType(ContentType.JSON).body(file).when().post(BASE + "/" + id + "/versions")
                .then().statusCode(409).contentType("application/problem+json");
        file.put("version", "v1.0.2");
        file.put("parent_version", "v9.9.9");
        given().contentType(ContentType.JSON).body(file).when().post(BASE + "/" + id + "/versions")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("parent_version"));

        given().contentType(ContentType.JSON).body(Map.of("version", "v1.0.1")).when()
                .put(BASE + "/" + id + "/labels/current").then().statusCode(200).body("labels.current", equalTo("v1.0.1"));
        given().contentType(ContentType.JSON).body(Map.of("version", "v7.0.0")).when()
                .put(BASE + "/" + id + "/labels/current").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("version", "v1.0.0")).when()
                .put(BASE + "/" + id + "/labels/best").then().statusCode(400);

        var lineage = given().when().get(BASE + "/" + id + "/versions").then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("lineage.version")).containsExactly("v1.0.0");
        assertThat(lineage.getList("lineage[0].children.version")).containsExactly("v1.0.1");
        assertThat(lineage.getList("lineage[0].children[0].labels")).containsExactly("current");

        // a trial now draws the new current version
        assertThat(trial(id).getList("options.prompt_version")).containsExactly("v1.0.1", "v1.0.1");
    }
}
