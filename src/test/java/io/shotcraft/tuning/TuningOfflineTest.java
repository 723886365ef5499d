package io.shotcraft.tuning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.SseClient;

/** The tuning API with the offline engine: the design's kitchen flow, history, revert, batch edits, concurrency. */
@QuarkusTest
class TuningOfflineTest {

    @TestHTTPResource("/api/v1/jobs/")
    java.net.URI jobs;

    static final String KITCHEN = "The teal robot is cooking food in a kitchen. Steam rises from a simmering pot as the robot "
            + "chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead rack, catching glints of "
            + "afternoon light, while a well-loved cast iron skillet sits on the stovetop next to scattered measuring spoons "
            + "and a half-empty bottle of olive oil.";
    static final Map<String, String> OFFLINE = Map.of("engine", "offline");

    static JsonPath start(String prompt) {
        return given().contentType(ContentType.JSON).body(Map.of("prompt", prompt, "options", OFFLINE))
                .when().post("/api/v1/sessions")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath edit(String id, String request) {
        return given().contentType(ContentType.JSON).body(Map.of("request", request, "options", OFFLINE))
                .when().post("/api/v1/sessions/" + id + "/edits")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> history(String id) {
        return given().when().get("/api/v1/sessions/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void theDesignsKitchenFlow() {
        var created = given().contentType(ContentType.JSON).body(Map.of("prompt", KITCHEN, "options", OFFLINE))
                .when().post("/api/v1/sessions")
                .then().statusCode(201).extract();
        var session = created.jsonPath();
        String id = session.getString("id");
        assertThat(created.header("Location")).endsWith("/api/v1/sessions/" + id);
        assertThat(session.getInt("revision")).isEqualTo(1);
        assertThat(session.getString("engine")).isEqualTo("offline");
        assertThat(session.getList("changes")).isEmpty();
        Map<String, String> parameters = session.getMap("parameters");
        assertThat(parameters).containsEntry("subject", "teal robot").containsEntry("location", "kitchen");
        assertThat(parameters.get("time_of_day")).isEqualTo("afternoon");
        assertThat(parameters.keySet().stream().filter(k -> k.startsWith("prop_")).count()).isGreaterThanOrEqualTo(5);

        var first = edit(id, "Change the robot to blue and make it baking a cake instead");
        assertThat(first.getInt("revision")).isEqualTo(2);
        assertThat(first.getMap("parameters")).containsEntry("subject", "blue robot").containsEntry("subject_action", "baking a cake");
        assertThat(first.getList("changes")).hasSize(2);
        assertThat(first.getString("prompt")).contains("blue robot").contains("baking a cake").doesNotContain("teal")
                .contains("kitchen").contains("cutting board").contains("olive oil");

        var second = edit(id, "Remove the skillet and add a stand mixer");
        assertThat(second.getInt("revision")).isEqualTo(3);
        assertThat(second.getString("prompt")).contains("stand mixer").doesNotContain("skillet").contains("blue robot");
        assertThat(second.getMap("parameters").values()).contains("stand mixer").doesNotContain("cast iron skillet");

        var revisions = history(id);
        assertThat(revisions).extracting(r -> r.get("number")).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(r -> r.get("request"))
                .containsExactly(null, "Change the robot to blue and make it baking a cake instead", "Remove the skillet and add a stand mixer");
        assertThat(revisions.get(0).get("prompt")).isEqualTo(KITCHEN);
    }

    @Test
    void anEditRunAsAJobStreamsItsStagesThePromptAndTheResult() throws Exception {
        var id = start(KITCHEN).getString("id");
        var job = given().contentType(ContentType.JSON).body(Map.of("request", "Change the robot to blue", "options", OFFLINE))
                .when().post("/api/v1/sessions/" + id + "/edit-jobs")
                .then().statusCode(202).extract().jsonPath();
        var events = SseClient.open(jobs.resolve(job.getString("id") + "/events"), null).closed.get(20, TimeUnit.SECONDS);

        var names = events.stream().map(SseClient.Event::name).toList();
        assertThat(names.subList(0, 2)).containsExactly("stage_update", "stage_update");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("result", "completed");
        assertThat(names.subList(2, names.size() - 2)).isNotEmpty().allMatch("token"::equals);
        assertThat(JsonPath.from(events.get(0).data()).getString("stage")).isEqualTo("interpreting");
        assertThat(JsonPath.from(events.get(1).data()).getString("stage")).isEqualTo("regenerating");

        var streamed = new StringBuilder();
        events.stream().filter(e -> e.name().equals("token")).forEach(e -> streamed.append(JsonPath.from(e.data()).getString("text")));
        var result = JsonPath.from(events.get(events.size() - 2).data());
        assertThat(result.getInt("revision")).isEqualTo(2);
        assertThat(streamed.toString()).isEqualTo(result.getString("prompt")).contains("blue robot");
    }

    @Test
    void suggestionsProposeWhatIsMissingAndNothingThatIsThere() {
        var session = start(KITCHEN);
        var suggestions = given().when().get("/api/v1/sessions/" + session.getString("id") + "/suggestions")
                .then().statusCode(200).extract().jsonPath().<Map<String, String>> getList("$");
        assertThat(suggestions).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("name")).matches("[a-z_]+");
            assertThat(s.get("value")).isNotBlank();
            assertThat(s.get("reason")).isNotBlank();
        });
        assertThat(suggestions).extracting(s -> s.get("name"))
                .doesNotContainAnyElementsOf(session.<String, String> getMap("parameters").keySet());
    }

    @Test
    void aSessionCanStartFromTheEnhancedPrompt() {
        var session = given().contentType(ContentType.JSON)
                .body(Map.of("prompt", "a fox crossing a snowy road at night", "enhance", true, "options", OFFLINE))
                .when().post("/api/v1/sessions")
                .then().statusCode(201).extract().jsonPath();
        assertThat(session.getString("prompt")).startsWith("a fox crossing a snowy road at night")
                .isNotEqualTo("a fox crossing a snowy road at night");
        assertThat(session.<String, String> getMap("parameters")).containsEntry("time_of_day", "night");
    }

    @Test
    void parameterOrderSurvivesStorageAndReload() {
        var created = start(KITCHEN);
        var id = created.getString("id");
        List<String> order = new ArrayList<>(created.<String, String> getMap("parameters").keySet());
        var reloaded = given().when().get("/api/v1/sessions/" + id + "/parameters").then().statusCode(200).extract().jsonPath();
        assertThat(new ArrayList<>(reloaded.<String, String> getMap("$").keySet())).isEqualTo(order);
        assertThat(new ArrayList<>(given().when().get("/api/v1/sessions/" + id).then().extract().jsonPath()
                .<String, String> getMap("parameters").keySet())).isEqualTo(order);
    }

    @Test
    void revertAppendsACopyOfAnEarlierRevision() {
        var id = start(KITCHEN).getString("id");
        edit(id, "Change the robot to blue");
        var reverted = given().contentType(ContentType.JSON).body(Map.of("revision", 1))
                .when().post("/api/v1/sessions/" + id + "/revert")
                .then().statusCode(200).extract().jsonPath();
        assertThat(reverted.getInt("revision")).isEqualTo(3);
        assertThat(reverted.getString("prompt")).isEqualTo(KITCHEN);
        assertThat(reverted.getMap("parameters")).containsEntry("subject", "teal robot");
        assertThat(history(id)).hasSize(3);

        given().contentType(ContentType.JSON).body(Map.of("revision", 9))
                .when().post("/api/v1/sessions/" + id + "/revert")
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(history(id)).hasSize(3);
    }

    @Test
    void aRequestThatAppliesToNothingMakesNoRevision() {
        var id = start(KITCHEN).getString("id");
        var answer = edit(id, "Remove the dragon");
        assertThat(answer.getInt("revision")).isEqualTo(1);
        assertThat(answer.getList("changes")).isEmpty();
        assertThat(answer.getString("message")).isNotBlank();
        assertThat(history(id)).hasSize(1);
    }

    @Test
    void aRequestTheOfflineEngineCannotReadIsA422() {
        var id = start(KITCHEN).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("request", "asdf qwerty", "options", OFFLINE))
                .when().post("/api/v1/sessions/" + id + "/edits")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/edit-not-understood"));
        assertThat(history(id)).hasSize(1);
    }

    @Test
    void aBatchOfChangesIsOneRevision() {
        var id = start(KITCHEN).getString("id");
        var patched = given().contentType(ContentType.JSON)
                .body(Map.of("set", Map.of("subject", "silver robot"), "remove", List.of("prop_1")))
                .when().patch("/api/v1/sessions/" + id + "/parameters")
                .then().statusCode(200).extract().jsonPath();
        assertThat(patched.getInt("revision")).isEqualTo(2);
        assertThat(patched.getList("changes")).hasSize(2);
        assertThat(patched.getMap("parameters")).containsEntry("subject", "silver robot").doesNotContainKey("prop_1");
        assertThat(patched.getString("prompt")).contains("silver robot");

        given().contentType(ContentType.JSON).body(Map.of("remove", List.of("no_such_key")))
                .when().patch("/api/v1/sessions/" + id + "/parameters")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("remove[0]"));
        assertThat(history(id)).hasSize(2);
    }

    @Test
    void parallelEditsLoseNoUpdateAndKeepRevisionsContiguous() throws Exception {
        var id = start(KITCHEN).getString("id");
        var items = List.of("a toaster", "a kettle", "a wooden spoon", "a flour sack", "a rolling pin", "a whisk");
        var pool = Executors.newFixedThreadPool(items.size());
        try {
            List<CompletableFuture<Integer>> calls = items.stream().map(item -> CompletableFuture.supplyAsync(() ->
                    given().contentType(ContentType.JSON).body(Map.of("request", "add " + item, "options", OFFLINE))
                            .when().post("/api/v1/sessions/" + id + "/edits").then().extract().statusCode(), pool)).toList();
            var statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).allMatch(s -> s == 200 || s == 409);
            long applied = statuses.stream().filter(s -> s == 200).count();

            var revisions = history(id);
            assertThat(revisions).extracting(r -> (Integer) r.get("number"))
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, (int) applied + 1).boxed().toList());
            var finalPrompt = (String) revisions.getLast().get("prompt");
            var appliedItems = revisions.stream().skip(1).map(r -> ((String) r.get("request")).substring(4)).toList();
            for (var item : appliedItems) {
                assertThat(finalPrompt).as("no lost update").contains(item.substring(2));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listingIsPagedMostRecentFirst() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(start("A lighthouse on a cliff " + UUID.randomUUID()).getString("id"));
        }
        var page = given().queryParam("limit", 2).when().get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(ids.get(2), ids.get(1));
        var next = given().queryParam("limit", 2).queryParam("cursor", page.getString("next_cursor"))
                .when().get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("items.id")).first().isEqualTo(ids.get(0));
        given().queryParam("cursor", "nonsense").when().get("/api/v1/sessions").then().statusCode(400);
    }

    @Test
    void aDeletedSessionIsGone() {
        var id = start(KITCHEN).getString("id");
        given().when().delete("/api/v1/sessions/" + id).then().statusCode(204);
        given().when().get("/api/v1/sessions/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/v1/sessions/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        given().contentType(ContentType.JSON).body(Map.of("prompt", "")).when().post("/api/v1/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("prompt"));
        given().contentType(ContentType.JSON).body(Map.of("prompt", "x".repeat(4001))).when().post("/api/v1/sessions")
                .then().statusCode(400);
        var id = start(KITCHEN).getString("id");
        given().contentType(ContentType.JSON).body(Map.of("request", "")).when().post("/api/v1/sessions/" + id + "/edits")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("request", "y".repeat(1001)))
                .when().post("/api/v1/sessions/" + id + "/edits").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("request", "add a toaster"))
                .when().post("/api/v1/sessions/" + UUID.randomUUID() + "/edits").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/sessions/not-a-uuid").then().statusCode(400).body("type", equalTo("https://shotcraft.io/problems/invalid-id"));
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/sessions/" + id + "/revert").then().statusCode(400);
        assertThat(history(id)).hasSize(1);
    }
}
