package io.shotcraft.targets;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;

/** Prompts for the selected target models, made by one model call (or the offline engine), and what it cost. */
@RegisterForReflection
@Schema(name = "TargetPrompts")
public record TargetPrompts(
        String category,
        @Schema(description = "Keyed by model id, in selection order") Map<String, ModelPrompt> prompts,
        List<String> selectedGroups,
        List<String> selectedModels,
        int modelCount,
        @Schema(description = "llm when the model's answer was used (some targets may still be offline), else offline") Engine engine,
        @JsonInclude(JsonInclude.Include.ALWAYS) String model,
        boolean cached,
        Usage usage,
        @Schema(description = "Why the offline engine answered although an LLM was expected") String fallbackReason,
        @Schema(description = "Version (content hash) of the prompt files used") String promptVersion,
        Tokens tokens,
        @Schema(description = "The source when it was a tuning session") Source source) {

    /** Prompt tokens of this selection's instructions and schema, against every group of the category. */
    @RegisterForReflection
    @Schema(name = "TargetTokens")
    public record Tokens(int sent, int allGroups, int savedPct) {
    }

    @RegisterForReflection
    @Schema(name = "TargetSource")
    public record Source(UUID sessionId, int revision) {
    }
}
