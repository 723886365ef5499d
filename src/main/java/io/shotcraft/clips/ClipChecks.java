package io.shotcraft.clips;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;

/**
 * A batch the model wrote is usable when at least one of its clip prompts passes the clip rules
 * ({@link ClipPromptOptimizer#check}); clips that break them keep their templates. A batch with none is rejected, and
 * the templates answer for all of it.
 */
@Singleton
public class ClipChecks extends TaskGuardrail<ClipPromptOptimizer.Batch, ClipPromptBatch> {

    public ClipChecks(ObjectMapper json) {
        super(json);
    }

    @Override
    protected Verdict check(ClipPromptOptimizer.Batch batch, ClipPromptBatch answer) {
        var drafts = ClipPromptOptimizer.drafts(answer, batch);
        if (drafts.stream().noneMatch(ClipDraft::llm)) {
            var refusals = drafts.stream().map(d -> d.clipIndex() + ": " + d.fallbackReason()).toList();
            return Verdict.reject("invalid_output",
                    "No clip prompt of the model's answer passed the checks (" + String.join(", ", refusals) + ")");
        }
        return Verdict.ok();
    }
}
