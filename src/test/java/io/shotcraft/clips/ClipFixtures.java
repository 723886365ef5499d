package io.shotcraft.clips;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The design's fixtures (a 6-clip plan, its reference images, sample output) and plans built from them. */
final class ClipFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private ClipFixtures() {
    }

    static ObjectNode read(String name) {
        try (InputStream in = ClipFixtures.class.getResourceAsStream("/clips/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode plan() {
        return read("sample_scene_plan.json");
    }

    static ObjectNode references() {
        return read("sample_reference_images.json");
    }

    /** A request for the sample plan with the sample references. */
    static ObjectNode request() {
        var request = JSON.createObjectNode();
        request.put("job_id", "550e8400-e29b-41d4-a716-446655440000");
        request.set("plan", plan());
        request.set("references", references());
        return request;
    }

    /** The sample request with templates only. */
    static ObjectNode offlineRequest() {
        var request = request();
        request.putObject("options").put("use_llm", false);
        return request;
    }

    /** A plan of {@code n} clips cycling through the sample's scripts, re-timed and re-indexed. */
    static ObjectNode planOf(int n) {
        var plan = plan();
        var samples = (ArrayNode) plan.get("clip_scripts");
        var scripts = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            var script = samples.get(i % samples.size()).deepCopy();
            ((ObjectNode) script).put("clip_index", i).put("start", i * 4.0).put("end", i * 4.0 + 4.0)
                    .put("visual_description", text(samples.get(i % samples.size()), "visual_description") + " (take " + i + ")");
            scripts.add(script);
        }
        plan.set("clip_scripts", scripts);
        return plan;
    }

    static ObjectNode requestOf(int clips, boolean useLlm) {
        var request = request();
        request.set("plan", planOf(clips));
        request.putObject("options").put("use_llm", useLlm);
        return request;
    }

    /** A model answer writing {@code prompt(i)} for clips 0..n-1, each naming two of the sample's style keywords. */
    static ObjectNode answerFor(int n) {
        var answer = JSON.createObjectNode();
        var prompts = answer.putArray("prompts");
        for (int i = 0; i < n; i++) {
            prompts.addObject().put("clip_index", i).put("prompt", modelPrompt(i));
        }
        return answer;
    }

    static String modelPrompt(int i) {
        return "Clip " + i + ": a young woman in a silver jacket moves through a cyberpunk neo-noir city, slow tracking "
                + "shot, neon cyan and magenta light, melancholic mood, consistent with the established visual style.";
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }
}
