package io.shotcraft.tuning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;
import io.shotcraft.testing.SseClient;

/** The tuning API with the LLM engine against the stubbed endpoint: one model call per edit, checks, cache. */
@QuarkusTest
class TuningLlmTest {

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    private static final String PROMPT = "The teal robot is cooking food in a kitchen at dawn.";
    private static final List<Map<String, String>> PARAMETERS = List.of(
            Map.of("name", "subject", "value", "teal robot"),
            Map.of("name", "subject_action", "value", "cooking food"),
            Map.of("name", "location", "value", "kitchen"),
            Map.of("name", "time_of_day", "value", "dawn"));

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void fresh() {
        freshAi.reset();
        OpenAiStub.answerFor("prompt_parameters", Map.of("parameters", PARAMETERS));
    }

    @AfterEach
    void everyRequestSpeaksOpenAisProtocol() {
        assertThat(OpenAiStub.schemaViolations()).isEmpty();
    }

    private static JsonPath start() {
        return given().contentType(ContentType.JSON).body(Map.of("prompt", PROMPT))
                .when().post("/api/v1/sessions").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath edit(String id, String request) {
        return given().contentType(ContentType.JSON).body(Map.of("request", request))
                .when().post("/api/v1/sessions/" + id + "/edits").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> editAnswer(String prompt, List<Map<String, Object>> updates) {
        return Map.of("applicable", true, "updates", updates, "changes", List.of("Changed robot color from teal to blue"),
                "prompt", prompt);
    }

    private static Map<String, Object> set(String name, String value) {
        return Map.of("op", "set", "name", name, "value", value);
    }

    @Test
    void extractionUsesTheModelsParametersInItsOrder() {
        var session = start();
        assertThat(session.getString("engine")).isEqualTo("llm");
        assertThat(List.copyOf(session.<String, String> getMap("parameters").keySet()))
                .containsExactly("subject", "subject_action", "location", "time_of_day");
        var sent = OpenAiStub.requestsFor("prompt_parameters");
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(sent.getFirst().path("messages").get(1).path("content").asText()).isEqualTo(PROMPT);
    }

    @Test
    void anEditIsExactlyOneModelCallThatInterpretsAndRegenerates() {
        var id = start().getString("id");
        OpenAiStub.answerFor("prompt_edit", editAnswer("The blue robot is cooking food in a kitchen at dawn.",
                List.of(set("subject", "blue robot"))));

        var edited = edit(id, "make the robot blue");
        assertThat(edited.getString("engine")).isEqualTo("llm");
        assertThat(edited.getInt("revision")).isEqualTo(2);
        assertThat(edited.getString("prompt")).isEqualTo("The blue robot is cooking food in a kitchen at dawn.");
        assertThat(edited.getMap("parameters")).containsEntry("subject", "blue robot");
        assertThat(edited.getList("changes")).containsExactly("Changed robot color from teal to blue");

        var calls = OpenAiStub.requestsFor("prompt_edit");
        assertThat(calls).hasSize(1);
        var sent = calls.getFirst();
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4.1");
        var user = sent.path("messages").get(1).path("content").asText();
        assertThat(user).contains(PROMPT).contains("\"teal robot\"").contains("make the robot blue");
    }

    @Test
    void aRegenerationThatDropsAParameterGetsOneRepairCall() {
        var id = start().getString("id");
        // The model's first prompt lost the kitchen; the repair keeps it.
        OpenAiStub.answerForThen("prompt_edit",
                editAnswer("The blue robot is cooking food at dawn.", List.of(set("subject", "blue robot"))),
                editAnswer("The blue robot is cooking food in a kitchen at dawn.", List.of(set("subject", "blue robot"))));
        var edited = edit(id, "Change the robot to blue");
        assertThat(edited.getString("engine")).isEqualTo("llm");
        assertThat(edited.getString("prompt")).isEqualTo("The blue robot is cooking food in a kitchen at dawn.");
        var calls = OpenAiStub.requestsFor("prompt_edit");
        assertThat(calls).hasSize(2);
        var repair = calls.get(1).path("messages");
        assertThat(repair.get(repair.size() - 1).path("content").asText()).contains("broke these rules").contains("kitchen");
        assertThat(edited.getInt("usage.tokens_in")).as("the rejected answer and its repair").isEqualTo(400);
        assertThat(edited.getInt("usage.tokens_out")).isEqualTo(120);
    }

    @Test
    void aRepairThatStillBreaksTheRulesLeavesTheEditToTheOfflineEngine() {
        var id = start().getString("id");
        OpenAiStub.answerFor("prompt_edit", editAnswer("The blue robot is cooking food at dawn.", List.of(set("subject", "blue robot"))));
        var edited = edit(id, "Change the robot to blue");
        assertThat(edited.getString("engine")).isEqualTo("offline");
        assertThat(edited.getString("fallback_reason")).isEqualTo("rules_broken");
        assertThat(edited.getString("prompt")).contains("blue robot").contains("kitchen");
        assertThat(OpenAiStub.requestsFor("prompt_edit")).hasSize(2);
    }

    @Test
    void anEditJobStreamsThePromptAsTheModelWritesIt() throws Exception {
        var id = start().getString("id");
        var regenerated = "The blue robot is cooking food in a kitchen at dawn, humming as it works.";
        OpenAiStub.streamFor("prompt_edit", editAnswer(regenerated, List.of(set("subject", "blue robot"))), 12);
        var job = given().contentType(ContentType.JSON).body(Map.of("request", "make the robot blue"))
                .when().post("/api/v1/sessions/" + id + "/edit-jobs").then().statusCode(202).extract().jsonPath();
        var events = SseClient.open(jobs.resolve(job.getString("id") + "/events"), null).closed.get(20, TimeUnit.SECONDS);

        var names = events.stream().map(SseClient.Event::name).toList();
        assertThat(names.getFirst()).isEqualTo("stage_update");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("result", "completed");
        var tokens = events.stream().filter(e -> e.name().equals("token")).map(e -> JsonPath.from(e.data()).getString("text")).toList();
        assertThat(tokens).hasSizeGreaterThan(3);
        assertThat(String.join("", tokens)).isEqualTo(regenerated);
        var result = JsonPath.from(events.get(events.size() - 2).data());
        assertThat(result.getString("prompt")).isEqualTo(regenerated);
        assertThat(result.getString("engine")).isEqualTo("llm");

        var calls = OpenAiStub.requestsFor("prompt_edit");
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().path("stream").asBoolean()).isTrue();
    }

    @Test
    void aStreamedAnswerThatIsRejectedIsDiscardedWithATokenResetBeforeItsRepair() throws Exception {
        var id = start().getString("id");
        var broken = "The blue robot is cooking food at dawn.";
        var repaired = "The blue robot is cooking food in a kitchen at dawn.";
        OpenAiStub.streamForThen("prompt_edit", editAnswer(broken, List.of(set("subject", "blue robot"))),
                editAnswer(repaired, List.of(set("subject", "blue robot"))), 8);
        var job = given().contentType(ContentType.JSON).body(Map.of("request", "make the robot blue"))
                .when().post("/api/v1/sessions/" + id + "/edit-jobs").then().statusCode(202).extract().jsonPath();
        var events = SseClient.open(jobs.resolve(job.getString("id") + "/events"), null).closed.get(20, TimeUnit.SECONDS);

        var names = events.stream().map(SseClient.Event::name).toList();
        int reset = names.indexOf("token_reset");
        assertThat(reset).as("a token_reset event in " + names).isPositive();
        assertThat(names.lastIndexOf("token_reset")).isEqualTo(reset);
        var before = tokens(events.subList(0, reset));
        var after = tokens(events.subList(reset + 1, events.size()));
        assertThat(before).isEqualTo(broken);
        assertThat(after).as("what a client keeps after the reset").isEqualTo(repaired);
        var result = JsonPath.from(events.get(events.size() - 2).data());
        assertThat(result.getString("prompt")).isEqualTo(repaired);
        assertThat(result.getString("engine")).isEqualTo("llm");
        assertThat(OpenAiStub.requestsFor("prompt_edit")).hasSize(2);
    }

    @Test
    void aStreamedAnswerReplacedByTheOfflineEngineIsDiscardedToo() throws Exception {
        var id = start().getString("id");
        OpenAiStub.streamFor("prompt_edit", editAnswer("The blue robot is cooking food at dawn.",
                List.of(set("subject", "blue robot"))), 6);
        var job = given().contentType(ContentType.JSON).body(Map.of("request", "make the robot blue"))
                .when().post("/api/v1/sessions/" + id + "/edit-jobs").then().statusCode(202).extract().jsonPath();
        var events = SseClient.open(jobs.resolve(job.getString("id") + "/events"), null).closed.get(20, TimeUnit.SECONDS);

        var names = events.stream().map(SseClient.Event::name).toList();
        int reset = names.lastIndexOf("token_reset");
        assertThat(reset).as("a token_reset event in " + names).isPositive();
        var result = JsonPath.from(events.get(events.size() - 2).data());
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getString("fallback_reason")).isEqualTo("rules_broken");
        assertThat(tokens(events.subList(reset + 1, events.size()))).isEqualTo(result.getString("prompt"));
    }

    private static String tokens(List<SseClient.Event> events) {
        return String.join("", events.stream().filter(e -> e.name().equals("token"))
                .map(e -> JsonPath.from(e.data()).getString("text")).toList());
    }

    @Test
    void aRepeatedEditOnTheSameStateIsServedFromTheCache() {
        OpenAiStub.answerFor("prompt_edit", editAnswer("The blue robot is cooking food in a kitchen at dawn.",
                List.of(set("subject", "blue robot"))));
        var first = edit(start().getString("id"), "make the robot blue");
        var second = edit(start().getString("id"), "make the robot blue");
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(second.getBoolean("cached")).isTrue();
        assertThat(second.getString("prompt")).isEqualTo(first.getString("prompt"));
        assertThat(OpenAiStub.requestsFor("prompt_edit")).hasSize(1);
        assertThat(OpenAiStub.requestsFor("prompt_parameters")).as("extraction of the same prompt is cached too").hasSize(1);
    }

    @Test
    void aRequestTheModelFindsNothingToApplyToMakesNoRevision() {
        var id = start().getString("id");
        OpenAiStub.answerFor("prompt_edit", Map.of("applicable", false, "updates", List.of(), "changes", List.of(), "prompt", PROMPT));
        var answer = edit(id, "make the dragon breathe fire");
        assertThat(answer.getInt("revision")).isEqualTo(1);
        assertThat(answer.getString("message")).isNotBlank();
    }
}
