package io.shotcraft.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Bad clip-prompt requests: a 400 problem naming the field, on the synchronous and the job endpoint alike. */
@QuarkusTest
class ClipPromptErrorsTest {

    private static ObjectNode script(ObjectNode request, int i) {
        return (ObjectNode) request.get("plan").get("clip_scripts").get(i);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("no clip scripts", "plan.clip_scripts", r -> ((ObjectNode) r.get("plan")).putArray("clip_scripts")),
                bad("no plan", "plan", r -> r.remove("plan")),
                bad("job_id not a UUID", "job_id", r -> r.put("job_id", "job-42")),
                bad("end before start", "plan.clip_scripts[2].end", r -> script(r, 2).put("end", 9.0)),
                bad("end equal to start", "plan.clip_scripts[0].end", r -> script(r, 0).put("end", 0.0)),
                bad("duplicate clip_index", "plan.clip_scripts[3].clip_index", r -> script(r, 3).put("clip_index", 1)),
                bad("clip_index out of range", "plan.clip_scripts[5].clip_index", r -> script(r, 5).put("clip_index", 6)),
                bad("negative clip_index", "plan.clip_scripts[0].clip_index", r -> script(r, 0).put("clip_index", -1)),
                bad("missing start", "plan.clip_scripts[1].start", r -> script(r, 1).remove("start")),
                bad("unknown beat_intensity", "plan.clip_scripts[4].beat_intensity", r -> script(r, 4).put("beat_intensity", "extreme")),
                bad("palette entry not a colour", "plan.style.color_palette[1]",
                        r -> ((ArrayNode) r.get("plan").get("style").get("color_palette")).set(1, "magenta")),
                bad("character without id", "plan.characters[0].id",
                        r -> ((ObjectNode) r.get("plan").get("characters").get(0)).remove("id")),
                bad("unknown reference status", "references.status", r -> ((ObjectNode) r.get("references")).put("status", "ok")),
                bad("max_words too small", "options.max_words", r -> r.putObject("options").put("max_words", 5)),
                bad("unknown engine", "options.engine", r -> r.putObject("options").put("engine", "gpt")),
                bad("negative cost cap", "options.max_cost_usd", r -> r.putObject("options").put("max_cost_usd", -1)),
                bad("clip_index not a number", "plan.clip_scripts[0].clip_index", r -> script(r, 0).put("clip_index", "first")));
    }

    private static Arguments bad(String name, String field, Consumer<ObjectNode> change) {
        return Arguments.of(name, field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedNamingTheField(String name, String field, Consumer<ObjectNode> change) {
        for (var path : List.of("/api/v1/clip-prompts", "/api/v1/jobs/clip-prompts")) {
            var request = ClipFixtures.offlineRequest();
            change.accept(request);
            var problem = ClipPromptsTest.problem(400, path, request);
            assertThat(problem.get("status")).isEqualTo(400);
            assertThat(problem.get("type").toString()).matches("https://shotcraft.io/problems/(validation|malformed-json)");
            assertThat(problem.get("errors")).as("%s on %s: %s", name, path, problem).asList()
                    .anySatisfy(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo(field));
            assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void theGenericJobEndpointChecksAClipJobsInputTheSameWay() {
        var request = ClipFixtures.offlineRequest();
        script(request, 2).put("end", 1.0);
        var body = ClipFixtures.JSON.createObjectNode().put("kind", ClipPromptsJob.NAME);
        body.set("input", request);
        var problem = ClipPromptsTest.problem(400, "/api/v1/jobs", body);
        assertThat(problem.get("errors")).asList()
                .anySatisfy(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("input.plan.clip_scripts[2].end"));
        var wrongType = ClipFixtures.offlineRequest();
        script(wrongType, 0).put("clip_index", "first");
        body.set("input", wrongType);
        assertThat(ClipPromptsTest.problem(400, "/api/v1/jobs", body).get("errors")).asList()
                .anySatisfy(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("input.plan.clip_scripts[0].clip_index"));
        var notAnObject = ClipFixtures.JSON.createObjectNode().put("kind", ClipPromptsJob.NAME).put("input", "plan");
        assertThat(ClipPromptsTest.problem(400, "/api/v1/jobs", notAnObject).get("errors")).asList()
                .anySatisfy(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("input"));
    }

    @Test
    void malformedJsonIsAProblemToo() {
        var problem = ClipPromptsTest.problem(400, "/api/v1/clip-prompts", "{\"plan\": {\"clip_scripts\": [");
        assertThat(problem.get("type")).isEqualTo("https://shotcraft.io/problems/malformed-json");
    }

    @Test
    void tooManyClipsAreRefused() {
        var request = ClipFixtures.requestOf(501, false);
        var problem = ClipPromptsTest.problem(400, "/api/v1/clip-prompts", request);
        assertThat(problem.get("errors")).asList()
                .anySatisfy(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("plan.clip_scripts"));
    }
}
