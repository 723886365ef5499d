package io.shotcraft.learning;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A trial to draw (the design's {@code POST /api/enhance/train}), the {@code learning.trial} job's input: the study,
 * and what the renders show: a prompt describing the subject, an uploaded input image, or neither (the version's
 * prompt alone).
 */
@RegisterForReflection
@Schema(name = "TrialRequest")
public record TrialRequest(
        @NotNull UUID studyId,
        @Size(max = 2000) @Schema(description = "The subject; the version's prompt is added to it",
                examples = "a sunlit living room with an oak floor") String prompt,
        @Schema(description = "An input image uploaded with the trial (multipart)") UUID imageId,
        @Pattern(regexp = "structure|surfaces", message = "must be structure or surfaces")
        @Schema(enumeration = { "structure", "surfaces" }, description = "The design's mode, kept with the trial") String mode) {
}
