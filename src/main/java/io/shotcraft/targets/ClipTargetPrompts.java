package io.shotcraft.targets;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;

/** Every clip of a clip-prompts job × every selected model: one model call per clip, clips written concurrently. */
@RegisterForReflection
@Schema(name = "ClipTargetPrompts")
public record ClipTargetPrompts(
        String category,
        UUID clipsJobId,
        List<String> selectedGroups,
        List<String> selectedModels,
        int modelCount,
        int clipCount,
        @Schema(description = "In clip order") List<Clip> clips,
        @Schema(description = "Every call of every clip") Usage usage,
        @Schema(description = "Per call: this selection's instructions and schema against all groups") TargetPrompts.Tokens tokens) {

    /** One clip's prompts, keyed by model id, and how they were made. */
    @RegisterForReflection
    @Schema(name = "ClipTargets")
    public record Clip(int clipIndex, String source, Map<String, ModelPrompt> prompts, Engine engine, boolean cached,
            String fallbackReason) {
    }
}
