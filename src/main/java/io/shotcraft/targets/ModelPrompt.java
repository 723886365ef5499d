package io.shotcraft.targets;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.Engine;

/** One target model's prompt: what to paste into it, what it rejects, its parameters, and how it was made. */
@RegisterForReflection
@Schema(name = "ModelPrompt")
public record ModelPrompt(
        String group,
        String prompt,
        @Schema(description = "Empty when the model takes no negative prompt") String negativePrompt,
        @Schema(description = "Settings of the model's own (size, seconds, contrast…), not part of the prompt text") Map<String, Object> parameters,
        @Schema(description = "What was changed or replaced to obey the model's rules") List<String> warnings,
        @Schema(description = "llm, or offline when the offline engine wrote it (the model failed or broke the model's rules)") Engine engine) {
}
