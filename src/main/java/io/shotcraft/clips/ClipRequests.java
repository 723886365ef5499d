package io.shotcraft.clips;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final ClipsConfig config;

    public ClipRequests(ClipsConfig config) {
        this.config = config;
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
}
