package io.shotcraft.ai;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a request may say about how its AI task runs. */
@RegisterForReflection
@Schema(name = "AiOptions")
public record AiOptions(
        @Pattern(regexp = "auto|llm|offline", message = "must be auto, llm or offline")
        @Schema(enumeration = { "auto", "llm", "offline" }, description = "offline skips the model") String engine,
        @DecimalMin(value = "0", message = "must not be negative")
        @Schema(description = "Largest estimated cost in USD this request may spend on a model; over it, the offline engine answers",
                examples = "0.01") BigDecimal maxCostUsd) {

    public static final AiOptions DEFAULT = new AiOptions(null, null);

    public boolean wantsOffline() {
        return "offline".equals(engine);
    }
}
