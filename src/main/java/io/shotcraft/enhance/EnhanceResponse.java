package io.shotcraft.enhance;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;

/** An enhancement and how it was made. */
@RegisterForReflection
@Schema(name = "EnhanceResponse")
public record EnhanceResponse(
        String original,
        String enhanced,
        EnhanceMode mode,
        Engine engine,
        @JsonInclude(JsonInclude.Include.ALWAYS) String model,
        boolean cached,
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer seed,
        boolean skipped,
        Usage usage,
        @Schema(description = "Why the offline engine answered although an LLM was expected",
                examples = "timeout") String fallbackReason,
        @Schema(description = "Version (content hash) of the prompt files used") String promptVersion,
        @Schema(description = "Share of the original prompt's parameter values the enhanced prompt keeps (0-1)",
                examples = "1.0") Double faithfulness,
        @Schema(description = "The original's parameter values the enhanced prompt lost") List<String> lost) {
}
