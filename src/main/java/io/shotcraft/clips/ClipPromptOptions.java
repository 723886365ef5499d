package io.shotcraft.clips;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How a clip-prompt request runs. */
@RegisterForReflection
@Schema(name = "ClipPromptOptions")
public record ClipPromptOptions(
        @Schema(description = "false writes every prompt from the templates (default true)") Boolean useLlm,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}", message = "must be a model name such as gpt-4o")
        @Schema(description = "Model for this request instead of the configured one", examples = "gpt-4o") String model,
        @Min(20) @Max(400) @Schema(description = "Longest prompt in words (default 200)", examples = "200") Integer maxWords,
        @Pattern(regexp = "auto|llm|offline", message = "must be auto, llm or offline")
        @Schema(enumeration = { "auto", "llm", "offline" }, description = "offline skips the model") String engine,
        @DecimalMin(value = "0", message = "must not be negative")
        @Schema(description = "Largest estimated cost in USD of the whole request; over it, templates answer",
                examples = "0.10") BigDecimal maxCostUsd) {

    public static final ClipPromptOptions DEFAULT = new ClipPromptOptions(null, null, null, null, null);
}
