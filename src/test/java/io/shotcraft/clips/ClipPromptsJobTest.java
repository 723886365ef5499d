package io.shotcraft.clips;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;
import io.shotcraft.testing.SseClient;
import io.smallrye.mutiny.Uni;

/** Clip prompts as a job: 202, the design's event sequence and payload read from the raw SSE stream, cost per job. */
@QuarkusTest
class ClipPromptsJobTest {

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Inject
    FreshAi freshAi;

    @Inject
    DataSource database;

    @Inject
    ClipPromptsJob kind;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @BeforeEach
    void fresh() {
        freshAi.reset();
    }

    private static JsonPath submit(ObjectNode request) {
        var response = given().contentType(ContentType.JSON).body(request.toString())
                .when().post("/api/v1/jobs/clip-prompts")
                .then().statusCode(202).extract();
        var job = response.jsonPath();
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + job.getString("id"));
        assertThat(job.getString("events_url")).isEqualTo("/api/v1/jobs/" + job.getString("id") + "/events");
        assertThat(job.getString("kind")).isEqualTo(ClipPromptsJob.NAME);
        return job;
    }

    private List<SseClient.Event> events(String jobId) throws Exception {
        var stream = SseClient.open(jobs.resolve(jobId + "/events"), null);
        assertThat(stream.status).isEqualTo(200);
        return stream.closed.get(20, TimeUnit.SECONDS);
    }

    private static JsonNode data(SseClient.Event event) {
        try {
            return ClipFixtures.JSON.readTree(event.data());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJobStreamsTheDesignsEventsInOrder() throws Exception {
        var job = submit(ClipFixtures.offlineRequest());
        var events = events(job.getString("id"));
        var names = events.stream().map(SseClient.Event::name).toList();
        assertThat(names).containsExactly("stage_update", "progress", "progress", "prompt_generator_results", "stage_update",
                "completed");
        assertThat(events).allSatisfy(event -> assertThat(event.id()).isNotBlank());

        assertThat(data(events.get(0))).isEqualTo(ClipFixtures.JSON.readTree("{\"stage\":\"prompt_generator\",\"status\":\"started\"}"));
        var progress = events.stream().filter(e -> e.name().equals("progress")).map(ClipPromptsJobTest::data).toList();
        assertThat(progress).allSatisfy(p -> assertThat(p.path("stage").asText()).isEqualTo("prompt_generator"));
        assertThat(progress).extracting(p -> p.path("progress").asInt()).isSorted().containsExactly(20, 90);
        assertThat(progress).extracting(p -> p.path("step").asText()).containsExactly("templates", "validation");

        var results = data(events.get(3));
        var keys = new ArrayList<String>();
        results.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("total_clips", "generation_time", "llm_used", "llm_model", "clip_prompts");
        assertThat(results.path("total_clips").asInt()).isEqualTo(6);
        assertThat(results.path("llm_used").asBoolean()).isFalse();
        assertThat(results.path("llm_model").isNull()).isTrue();
        assertThat(results.path("clip_prompts")).hasSize(6);
        var clip = results.path("clip_prompts").get(0);
        assertThat(clip.path("prompt").asText()).startsWith("A lone woman walks toward camera");
        assertThat(clip.path("metadata").path("word_count").asInt()).isPositive();
        assertThat(clip.path("metadata").path("validated").asBoolean()).isTrue();
        assertThat(clip.path("metadata").path("style_keywords")).isNotEmpty();

        assertThat(data(events.get(4))).isEqualTo(ClipFixtures.JSON.readTree("{\"stage\":\"prompt_generator\",\"status\":\"completed\"}"));
        var completed = data(events.get(5));
        assertThat(completed.path("status").asText()).isEqualTo("succeeded");
        assertThat(completed.path("result").path("clip_prompts")).isEqualTo(results.path("clip_prompts"));

        var stored = given().when().get("/api/v1/jobs/" + job.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("status")).isEqualTo("succeeded");
        assertThat(stored.getInt("progress")).isEqualTo(100);
        assertThat(stored.getString("result.job_id")).as("the plan's job id").isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    }

    @Test
    void theJobsResultHasTheFieldsOfTheSynchronousAnswerNullsIncluded() throws Exception {
        var sync = ClipPromptsTest.postJson(ClipFixtures.offlineRequest());
        var job = submit(ClipFixtures.offlineRequest());
        events(job.getString("id"));
        var stored = ClipFixtures.JSON.readTree(given().when().get("/api/v1/jobs/" + job.getString("id"))
                .then().statusCode(200).extract().asString()).path("result");
        assertThat(names(stored)).containsExactlyInAnyOrderElementsOf(names(sync));
        assertThat(names(stored.path("clip_prompts").get(0).path("metadata")))
                .containsExactlyInAnyOrderElementsOf(names(sync.path("clip_prompts").get(0).path("metadata")));
        assertThat(stored.path("clip_prompts")).isEqualTo(sync.path("clip_prompts"));
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void withTheModelTheJobReportsTheCallAndRecordsItsCost() throws Exception {
        OpenAiStub.answerFor(ClipPromptOptimizer.SCHEMA, ClipFixtures.answerFor(6));
        var request = ClipFixtures.request();
        request.remove("job_id");
        var job = submit(request);
        var events = events(job.getString("id"));
        var steps = events.stream().filter(e -> e.name().equals("progress")).map(e -> data(e).path("step").asText()).toList();
        assertThat(steps).containsExactly("templates", "model", "validation");
        var results = data(events.stream().filter(e -> e.name().equals("prompt_generator_results")).findFirst().orElseThrow());
        assertThat(results.path("llm_used").asBoolean()).isTrue();
        assertThat(results.path("llm_model").asText()).isEqualTo("gpt-4.1-mini-2025-04-14");
        var result = data(events.getLast()).path("result");
        assertThat(result.path("job_id").asText()).as("no job_id given: the job's own").isEqualTo(job.getString("id"));

        // The usage row is written without holding up the answer.
        await().atMost(Duration.ofSeconds(5)).until(() -> usage(job.getString("id")) != null);
        var row = usage(job.getString("id"));
        assertThat(row.get("task")).isEqualTo("clips");
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo(result.path("usage").path("cost_usd").decimalValue());
        assertThat((BigDecimal) row.get("cost_usd")).isPositive();
    }

    @Test
    void aJobThatCannotRunReportsTheFailedStageThenFails() {
        var recorded = new ArrayList<String>();
        JobContext context = new JobContext() {
            private final UUID id = UUID.randomUUID();

            @Override
            public UUID jobId() {
                return id;
            }

            @Override
            public Uni<Void> progress(int percent, String stage, String step) {
                recorded.add("progress " + percent);
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<Void> emit(String event, Object data) {
                recorded.add(event + " " + data);
                return Uni.createFrom().voidItem();
            }
        };
        // A plan the checks would refuse (two clips with one index), run as it is: no valid set of prompts fits it.
        var stale = ClipFixtures.offlineRequest();
        ((ObjectNode) stale.get("plan").get("clip_scripts").get(1)).put("clip_index", 0);
        var request = json.convertValue(stale, ClipPromptsRequest.class);
        var failure = kind.run(request, context).subscribe().withSubscriber(io.smallrye.mutiny.helpers.test.UniAssertSubscriber.create())
                .awaitFailure().getFailure();
        assertThat(failure).isInstanceOf(ProblemException.class);
        assertThat(recorded.getFirst()).isEqualTo("stage_update " + Map.of("stage", "prompt_generator", "status", "started"));
        assertThat(recorded.getLast()).isEqualTo("stage_update " + Map.of("stage", "prompt_generator", "status", "failed"));
    }

    private Map<String, Object> usage(String correlationId) throws Exception {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT task, cost_usd FROM ai_usage WHERE correlation_id = ? AND engine = 'llm'")) {
            statement.setString(1, correlationId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Map.of("task", rows.getString("task"), "cost_usd", rows.getBigDecimal("cost_usd")) : null;
            }
        }
    }
}
