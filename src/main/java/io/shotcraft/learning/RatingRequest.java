package io.shotcraft.learning;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Ratings of a trial's options (the design's {@code POST /api/train/rate}): every option, once. */
@RegisterForReflection
@Schema(name = "RatingRequest")
public record RatingRequest(
        @NotBlank @Size(max = 36) @Schema(description = "The trial", examples = "0b9d6f2e-5d0c-4a43-9a57-2f8d0c1b7e11") String experimentId,
        @NotEmpty @Size(max = 2) List<@NotNull @Valid OptionRating> ratings,
        @Size(max = 200) @Schema(examples = "trainer@example.com") String ratedBy) {

    @RegisterForReflection
    @Schema(name = "OptionRating")
    public record OptionRating(
            @NotBlank @Size(max = 1) @Schema(examples = "A") String option,
            @Size(max = 36) @Schema(description = "The option's image_id, checked when given") String imageId,
            @NotNull @Min(1) @Max(5) @Schema(examples = "4") Integer rating,
            @Size(max = 2000) @Schema(examples = "Good depth, but colors slightly off") String comments) {
    }
}
