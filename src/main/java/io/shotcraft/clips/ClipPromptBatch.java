package io.shotcraft.clips;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The clip task's answer for one batch: one prompt per base prompt, by the model or the templates. */
@RegisterForReflection
public record ClipPromptBatch(@Description("One entry per clip of the batch, in clip_index order") List<ClipText> prompts) {

    @RegisterForReflection
    public record ClipText(
            @Description("The clip_index of the base prompt it rewrites") int clipIndex,
            @Description("The final text-to-video prompt, one paragraph") String prompt) {
    }
}
