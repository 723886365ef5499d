package io.shotcraft.targets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.AiOptions;

/**
 * Prompts for the selected target-model groups of a category, from a prompt, a tuning session's revision or (as a
 * job) every clip of a clip-prompts job. The selection is {@code groups} (names) or {@code selection} (the design's
 * numbers); with neither, the session's last selection in the category.
 */
@RegisterForReflection
@Schema(name = "TargetPromptsRequest")
public record TargetPromptsRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "image_generation", description = "image_generation or video_generation") String category,
        @Size(max = 32) @Schema(description = "Group names, in the order wanted", examples = "[\"sora\", \"leonardo\"]") List<@Size(max = 64) String> groups,
        @Size(max = 200) @Schema(description = "Group numbers of the category's list, as \"1,3\", \"1 3\" or \"1, 3\"", examples = "1,3") String selection,
        @Size(max = 4000) @Schema(description = "The source prompt (or give session_id)", examples = "a fox crossing a snowy road at night") String prompt,
        @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a session id (UUID)") @Schema(description = "A tuning session: its current revision is the source") String sessionId,
        @Min(1) @Schema(description = "With session_id: this revision instead of the current one") Integer revision,
        @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a job id (UUID)")
        @Schema(description = "Jobs only: a finished clips.prompts job; every clip's prompt is a source") String clipsJobId,
        @Valid Options options) {

    /** How the prompts are made and what every target's prompt carries. */
    @RegisterForReflection
    @Schema(name = "TargetPromptsOptions")
    public record Options(
            @Pattern(regexp = "auto|llm|offline", message = "must be auto, llm or offline")
            @Schema(enumeration = { "auto", "llm", "offline" }, description = "offline skips the model") String engine,
            @DecimalMin(value = "0", message = "must not be negative")
            @Schema(description = "Largest estimated cost in USD of the model call; over it, the offline engine answers") BigDecimal maxCostUsd,
            @Size(max = 16) @Schema(description = "Width:height for every target that takes one", examples = "16:9") String aspectRatio,
            @Min(0) @Schema(description = "A seed for targets that take one, and for the model call (temperature 0)") Long seed,
            @Min(1) @jakarta.validation.constraints.Max(60) @Schema(description = "Video length in seconds, for video targets") Integer durationSeconds,
            @Size(max = 32) @Schema(description = "Per model id, options of that model (e.g. {\"MIDJOURNEY_A\": {\"stylize\": \"250\"}})")
            Map<@Size(max = 64) String, Map<@Size(max = 64) String, @Size(max = 200) String>> models) {

        public AiOptions ai() {
            return new AiOptions(engine, maxCostUsd);
        }
    }

    public Options optionsOrDefault() {
        return options == null ? new Options(null, null, null, null, null, null) : options;
    }
}
