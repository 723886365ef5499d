package io.shotcraft.clips;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;


/**
 * The checks of a clip-prompt request that Bean Validation cannot express (the design's ValidationError): a
 * parsable job_id, a clip count within the limit, end after start, and clip indexes that are distinct and number
 * the clips 0..N-1. Each failure names its field.
 */
@ApplicationScoped
public class ClipRequests {

    private final Validator validator;
    private final ObjectMapper json;
    private final ClipsConfig config;

    public ClipRequests(Validator validator, ObjectMapper json, ClipsConfig config) {
        this.validator = validator;
        this.json = json;
        this.config = config;
    }

    /** A job's input as a request, checked as the HTTP edge checks it; field names carry the {@code prefix}. */
    ClipPromptsRequest parse(JsonNode input, String prefix) {
        ClipPromptsRequest request;
        try {
            request = input == null || !input.isObject() ? null : json.treeToValue(input, ClipPromptsRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            var message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            var at = e instanceof JsonMappingException m ? ProblemMappers.jsonPath(m.getPath()) : "";
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError(
                    at.isEmpty() ? whole(prefix) : prefix + at, "does not fit a clip-prompt request: " + ProblemMappers.firstLine(message)))));
        }
        if (request == null) {
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError(whole(prefix),
                    "must be a clip-prompt request object"))));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(violations, prefix));
        }
        check(request, prefix);
        return request;
    }

    void check(ClipPromptsRequest request, String prefix) {
        var errors = new ArrayList<Problem.FieldError>();
        if (request.jobId() != null && Ids.parse(request.jobId()) == null) {
            errors.add(new Problem.FieldError(prefix + "job_id", "must be a UUID"));
        }
        var scripts = request.plan().clipScripts();
        if (scripts.size() > config.maxClips()) {
            errors.add(new Problem.FieldError(prefix + "plan.clip_scripts", "must have at most " + config.maxClips() + " clips"));
        }
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < scripts.size(); i++) {
            var script = scripts.get(i);
            var at = prefix + "plan.clip_scripts[" + i + "].";
            if (script.end() <= script.start()) {
                errors.add(new Problem.FieldError(at + "end", "must be after start (" + script.start() + ")"));
            }
            var earlier = seen.putIfAbsent(script.clipIndex(), i);
            if (earlier != null) {
                errors.add(new Problem.FieldError(at + "clip_index",
                        "duplicates clip_index " + script.clipIndex() + " of clip_scripts[" + earlier + "]"));
            } else if (script.clipIndex() >= scripts.size()) {
                errors.add(new Problem.FieldError(at + "clip_index",
                        "must be between 0 and " + (scripts.size() - 1) + " (the clips are numbered 0..N-1)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(errors));
        }
    }

    /** The field that names the whole request: "input" for a job's input, "body" for a request body. */
    private static String whole(String prefix) {
        return prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
    }
}
