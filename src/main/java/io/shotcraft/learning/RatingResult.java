package io.shotcraft.learning;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The design's answer to a rating. {@code ml_updated}: the rating is stored and the optimiser, rebuilt from the
 * stored ratings on every use, takes it from the next trial on. {@code ab_test}: the running A/B test after this pair,
 * when the trial served one.
 */
@RegisterForReflection
@Schema(name = "RatingResult")
public record RatingResult(boolean success, String message, UUID experimentId, boolean mlUpdated,
        Double currentBestRating, int samplesCollected, @JsonProperty("phase_1_complete") boolean phase1Complete,
        @JsonInclude(JsonInclude.Include.NON_NULL) AbTest abTest,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID evolutionJobId) {
}
