package io.shotcraft.clips;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;

/** One prompt per clip of a plan, and how they were made. */
@RegisterForReflection
@Schema(name = "ClipPrompts")
public record ClipPrompts(
        UUID jobId,
        List<ClipPrompt> clipPrompts,
        int totalClips,
        @Schema(description = "Prompts the model wrote") int modelClips,
        @Schema(description = "Prompts the templates wrote: the model was not asked, or its prompt for the clip fell back") int templateClips,
        @Schema(description = "Server time in seconds") double generationTime,
        @Schema(description = "llm when the model wrote at least one prompt") Engine engine,
        @JsonInclude(JsonInclude.Include.ALWAYS) String model,
        @Schema(description = "Whether the model's answers came from the cache") boolean cached,
        Usage usage,
        @Schema(description = "Why templates answered for some or all clips although the model was expected (a failed batch's reason, else the first clip's)", examples = "timeout") String fallbackReason,
        @Schema(description = "Version (content hash) of the prompt files used") String promptVersion) {

    public boolean llmUsed() {
        return engine == Engine.LLM;
    }
}
