package io.shotcraft.learning;

import static io.restassured.RestAssured.given;
import static io.shotcraft.learning.LearningTesting.BASE;
import static io.shotcraft.learning.LearningTesting.awaitJob;
import static io.shotcraft.learning.LearningTesting.rate;
import static io.shotcraft.learning.LearningTesting.startTrial;
import static io.shotcraft.learning.LearningTesting.status;
import static io.shotcraft.learning.LearningTesting.study;
import static io.shotcraft.learning.LearningTesting.trial;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.jobs.JobContext;
import io.smallrye.mutiny.Uni;

/** Learning over many ratings: evolution and A/B tests, raters at the same moment, a trial's job run again. */
@QuarkusTest
class LearningFlowTest {

    @Inject
    TrialJob trials;

    @Test
    void tenSamplesEvolveThePromptAndAnABTestPromotesTheWinner() {
        var id = study("evolution");
        JsonPath answer = null;
        for (int i = 0; i < 5; i++) {
            var trial = trial(id);
            var body = LearningTesting.ratings(trial, 2, 3);
            @SuppressWarnings("unchecked")
            var ratings = (List<Map<String, Object>>) body.get("ratings");
            ratings.set(0, Map.of("option", "A", "rating", 2, "comments", "flat lighting, looks like a montage"));
            answer = given().contentType(ContentType.JSON).body(body).when().post(BASE + "/" + id + "/ratings")
                    .then().statusCode(200).extract().jsonPath();
            if (i < 4) {
                assertThat(answer.getString("evolution_job_id")).isNull();
            }
        }
        // the design's "every 10 samples while the best rating is under 4.5"
        var evolution = awaitJob(answer.getString("evolution_job_id"));
        assertThat(evolution.getString("status")).isEqualTo("succeeded");
        assertThat(evolution.getString("result.engine")).isEqualTo("offline");
        assertThat(evolution.getString("result.trigger")).isEqualTo("periodic");
        assertThat(evolution.getList("result.versions")).containsExactly("v1.1.0", "v1.2.0");

        var variant = given().when().get(BASE + "/" + id + "/versions/v1.1.0").then().statusCode(200).extract().jsonPath();
        assertThat(variant.getString("parent_version")).isEqualTo("v1.0.0");
        assertThat(variant.getString("created_by")).isEqualTo("evolution:offline");
        assertThat(variant.getList("metadata.tags")).contains("evolved", "periodic");
        assertThat(variant.getString("leonardo.prompt")).isNotEqualTo(given().when().get(BASE + "/" + id + "/versions/v1.0.0")
                .then().extract().jsonPath().getString("leonardo.prompt"));

        var status = status(id);
        assertThat(status.getString("prompt_evolution.current_version")).isEqualTo("v1.0.0");
        assertThat(status.getString("prompt_evolution.candidate_version")).isEqualTo("v1.1.0");
        assertThat(status.getString("prompt_evolution.ab_test.status")).isEqualTo("running");
        given().when().post(BASE + "/" + id + "/evolutions").then().statusCode(409).contentType("application/problem+json");

        // A/B trials: the candidate on one side, the current version on the other, both at the same point
        for (int pair = 1; pair <= 4; pair++) {
            var trial = trial(id);
            assertThat(new HashSet<>(trial.getList("options.prompt_version"))).containsExactlyInAnyOrder("v1.1.0", "v1.0.0");
            assertThat(trial.getMap("options[0].parameters")).isEqualTo(trial.getMap("options[1].parameters"));
            assertThat(trial.getString("ab_test_id")).isNotNull();
            boolean candidateOnA = "v1.1.0".equals(trial.getString("options[0].prompt_version"));
            var rated = rate(id, trial, candidateOnA ? 5 : 1, candidateOnA ? 1 : 5);
            assertThat(rated.getInt("ab_test.wins")).isEqualTo(pair);
            // Beta(1 + wins, 1) posterior: P(win rate > 0.5) = 1 - 0.5^(wins + 1); promoted at ≥ 0.95, i.e. 4 wins
            assertThat(rated.getString("ab_test.status")).isEqualTo(pair < 4 ? "running" : "promoted");
        }
        var tests = given().when().get(BASE + "/" + id + "/ab-tests").then().statusCode(200).extract().jsonPath();
        assertThat(tests.getList("items.candidate")).containsExactly("v1.1.0", "v1.2.0");
        assertThat(tests.getList("items.status")).containsExactly("promoted", "running");
        assertThat(tests.getDouble("items[0].probability")).isEqualTo(0.96875);
        assertThat(tests.getString("items[1].current")).isEqualTo("v1.1.0");

        var after = status(id);
        assertThat(after.getString("prompt_evolution.current_version")).isEqualTo("v1.1.0");
        assertThat(after.getString("prompt_evolution.candidate_version")).isEqualTo("v1.2.0");
        var lineage = given().when().get(BASE + "/" + id + "/versions").then().statusCode(200).extract().jsonPath();
        assertThat(lineage.getList("lineage[0].children.version")).containsExactly("v1.1.0", "v1.2.0");
        assertThat(lineage.getList("lineage[0].children[0].labels")).containsExactly("current");
        assertThat(lineage.getDouble("lineage[0].children[0].performance.win_rate")).isEqualTo(1.0);

        var metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("shotcraft_learning_evolutions_total\\{engine=\"offline\",trigger=\"periodic\"} [1-9]");
        assertThat(metrics).containsPattern("shotcraft_learning_ab_decisions_total\\{decision=\"promoted\"} [1-9]");
        assertThat(metrics).containsPattern("shotcraft_learning_ratings_total [1-9]");
    }

    @Test
    void trialsDrawnAtTheSameMomentGetDifferentPoints() {
        var id = study("concurrent trials");
        var ids = List.of(startTrial(id, Map.of()), startTrial(id, Map.of()), startTrial(id, Map.of()));
        var points = new ArrayList<Map<String, Object>>();
        var seqs = new HashSet<Integer>();
        for (var trial : ids) {
            assertThat(awaitJob(trial).getString("status")).isEqualTo("succeeded");
            var view = given().when().get(BASE + "/" + id + "/trials/" + trial).then().statusCode(200).extract().jsonPath();
            points.add(view.getMap("options[0].parameters"));
            points.add(view.getMap("options[1].parameters"));
            seqs.add(view.getInt("seq"));
        }
        assertThat(new HashSet<>(points)).hasSize(6);
        assertThat(seqs).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void twoRatersAtOnceLoseNothingAndRateATrialOnce() throws Exception {
        var id = study("concurrent ratings");
        var first = trial(id);
        var second = trial(id);
        var start = new CountDownLatch(1);
        var bodies = List.of(LearningTesting.ratings(first, 4, 2), LearningTesting.ratings(first, 1, 5),
                LearningTesting.ratings(second, 3, 3));
        var answers = bodies.stream().map(body -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return given().contentType(ContentType.JSON).body(body).when().post(BASE + "/" + id + "/ratings")
                    .then().extract().statusCode();
        })).toList();
        start.countDown();
        var codes = answers.stream().map(CompletableFuture::join).toList();
        assertThat(codes.subList(0, 2)).containsExactlyInAnyOrder(200, 409);
        assertThat(codes.get(2)).isEqualTo(200);

        var status = status(id);
        assertThat(status.getInt("phase_1.samples_collected")).isEqualTo(4);
        var stored = given().when().get(BASE + "/" + id + "/trials/" + first.getString("experiment_id")).then()
                .extract().jsonPath().getList("options.rating");
        assertThat(stored).isIn(List.of(4, 2), List.of(1, 5));
    }

    @Test
    void aTrialsJobRunAgainKeepsItsPointsAndDrawsNothingNew() {
        var id = study("rerun");
        var trial = trial(id);
        var jobId = UUID.fromString(trial.getString("experiment_id"));
        var again = (TrialView) trials.run(new TrialRequest(UUID.fromString(id), null, null, null), context(jobId))
                .await().indefinitely();
        assertThat(again.options().stream().map(o -> o.parameters().toString()).toList()).isEqualTo(List.of(
                trial.getMap("options[0].parameters").toString(), trial.getMap("options[1].parameters").toString()));
        assertThat(again.options().stream().map(TrialView.OptionView::imageId).map(UUID::toString).toList())
                .containsExactly(trial.getString("options[0].image_id"), trial.getString("options[1].image_id"));
        assertThat(given().when().get(BASE + "/" + id).then().extract().jsonPath().getInt("trials")).isEqualTo(1);
    }

    private static JobContext context(UUID id) {
        return new JobContext() {
            @Override
            public UUID jobId() {
                return id;
            }

            @Override
            public Uni<Void> progress(int percent, String stage, String step) {
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<Void> emit(String event, Object data) {
                return Uni.createFrom().voidItem();
            }
        };
    }

    @Test
    void aTrialTakesAnInputImageAndKeepsItAsTheOriginal() {
        var id = study("image trials");
        var png = given().when().get(trial(id).getString("options[0].url")).then().extract().asByteArray();
        var job = given().multiPart("image", "room.png", png, "image/png").multiPart("prompt", "a living room")
                .when().post(BASE + "/" + id + "/trials").then().statusCode(202).extract().jsonPath().getString("id");
        assertThat(awaitJob(job).getString("status")).isEqualTo("succeeded");
        var trial = given().when().get(BASE + "/" + id + "/trials/" + job).then().statusCode(200).extract().jsonPath();
        assertThat(trial.getString("original_url")).startsWith("/api/v1/learning/images/");
        assertThat(trial.getList("warnings")).hasSize(1);
        var original = given().when().get(trial.getString("original_url")).then().statusCode(200)
                .header("Content-Type", "image/png").extract().asByteArray();
        assertThat(original).isEqualTo(png);

        given().multiPart("image", "notes.txt", "not an image".getBytes(), "image/png").when()
                .post(BASE + "/" + id + "/trials").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("image"));
        given().multiPart("prompt", "no image").when().post(BASE + "/" + id + "/trials").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
