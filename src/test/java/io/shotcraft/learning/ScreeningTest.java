package io.shotcraft.learning;

import static io.restassured.RestAssured.given;
import static io.shotcraft.learning.LearningTesting.BASE;
import static io.shotcraft.learning.LearningTesting.status;
import static io.shotcraft.learning.LearningTesting.study;
import static io.shotcraft.learning.LearningTesting.trial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Phase 2 once the reward model is ready: a study whose 220 stored ratings follow the guidance scale (rendered
 * earlier, so stored without image features) gets a model that clearly beats the mean, and its next trial renders
 * four candidates and shows the best predicted one as A and the most uncertain of the others as B.
 */
@QuarkusTest
class ScreeningTest {

    @Inject
    Pool pool;

    @Test
    void aReadyRewardModelPreFiltersATrialsCandidates() {
        var id = UUID.fromString(study("screening"));
        seedRatings(id, 110);

        var status = status(id.toString());
        assertThat(status.getInt("phase_2.training_samples")).isEqualTo(220);
        assertThat(status.getBoolean("phase_2.ready_for_inference")).isTrue();
        assertThat(status.getDouble("phase_2.model_accuracy")).isGreaterThan(status.getDouble("phase_2.baseline_accuracy"));

        var trial = trial(id.toString());
        assertThat(trial.getList("options.option")).containsExactly("A", "B");
        var candidates = pool.preparedQuery("""
                select option, shown, (parameters->>'guidance_scale')::float8 as g, features is not null as f
                from learning_option where experiment_id = $1""")
                .execute(Tuple.of(UUID.fromString(trial.getString("experiment_id")))).await().indefinitely();
        assertThat(candidates.size()).isEqualTo(4);
        double shownA = 0;
        double highest = 0;
        int hidden = 0;
        for (var row : candidates) {
            assertThat(row.getBoolean("f")).as("every candidate's image features").isTrue();
            highest = Math.max(highest, row.getDouble("g"));
            if ("A".equals(row.getString("option"))) {
                shownA = row.getDouble("g");
            }
            hidden += row.getBoolean("shown") ? 0 : 1;
        }
        assertThat(hidden).isEqualTo(2);
        // ratings rise with the guidance scale (0.57 stars per unit): the best predicted candidate is the one with the
        // highest, but for the model's small weights on the other parameters (within a quarter unit, 0.14 stars)
        assertThat(shownA).isGreaterThan(highest - 0.25);

        // the hidden candidates are not the trial's to rate
        given().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("experiment_id", trial.getString("experiment_id"), "ratings", List.of(
                        java.util.Map.of("option", "1", "rating", 3))))
                .when().post(BASE + "/" + id + "/ratings").then().statusCode(400);
    }

    /** Rated trials whose ratings rise with the guidance scale (1 at 5, 5 at 12), other parameters random. */
    private void seedRatings(UUID study, int trials) {
        var random = new Random(11);
        var experiments = new ArrayList<Tuple>();
        var options = new ArrayList<Tuple>();
        var at = OffsetDateTime.now().minusDays(1);
        for (int i = 1; i <= trials; i++) {
            var trial = UUID.randomUUID();
            experiments.add(Tuple.of(trial, study, i, at.plusSeconds(i)));
            for (var side : List.of("A", "B")) {
                double guidance = 5 + 7 * random.nextDouble();
                var parameters = new JsonObject().put("api", random.nextBoolean() ? "leonardo" : "stablediffusion")
                        .put("init_strength", 0.1 + 0.4 * random.nextDouble()).put("guidance_scale", guidance)
                        .put("controlnet_weight", 0.7 + 0.29 * random.nextDouble());
                short rating = (short) Math.round(1 + 4 * (guidance - 5) / 7);
                options.add(Tuple.of(trial, side, parameters, UUID.randomUUID(), rating));
            }
        }
        pool.withTransaction(c -> c.preparedQuery("""
                insert into learning_experiment (id, study_id, seq, status, created_at, rated_at)
                values ($1, $2, $3, 'rated', $4, $4)""").executeBatch(experiments)
                .chain(() -> c.preparedQuery("""
                        insert into learning_option (experiment_id, option, parameters, prompt_version, render_id, rating)
                        values ($1, $2, $3, 'v1.0.0', $4, $5)""").executeBatch(options))
                .chain(() -> c.preparedQuery("update learning_study set trials = $2 where id = $1")
                        .execute(Tuple.of(study, trials))))
                .await().indefinitely();
    }
}
