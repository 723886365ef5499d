package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.renders.RenderOutput;

/**
 * A trial in the design's shape ({@code experiment_id}, {@code options[]}, {@code original_url}), with its study,
 * number, status, the A/B test it serves and, once rated, the ratings.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Trial")
public record TrialView(
        UUID experimentId,
        UUID studyId,
        int seq,
        @Schema(enumeration = { "rendering", "ready", "rated", "failed" }) String status,
        List<OptionView> options,
        @JsonInclude(JsonInclude.Include.ALWAYS) String originalUrl,
        String prompt,
        UUID abTestId,
        List<String> warnings,
        OffsetDateTime createdAt,
        OffsetDateTime ratedAt,
        String ratedBy) {

    /**
     * One option: its render's first output ({@code url}; {@code image_id} is the render), the version and the
     * parameters it was drawn with.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrialOption")
    public record OptionView(String option, String url, UUID imageId, String renderUrl, String backend,
            String promptVersion, Map<String, Object> parameters, Integer rating, String comments) {
    }

    static TrialView of(Experiment trial, Study study, List<String> warnings) {
        var options = trial.shown().stream().map(o -> new OptionView(o.option(), RenderOutput.url(o.renderId(), 0),
                o.renderId(), "/api/v1/renders/" + o.renderId(), study.backendFor(o.parameters().get("api")),
                o.promptVersion(), o.parameters(), o.rating(), o.comments())).toList();
        return new TrialView(trial.id(), trial.studyId(), trial.seq(), trial.status(), options,
                trial.imageId() == null ? null : "/api/v1/learning/images/" + trial.imageId(), trial.prompt(),
                trial.abTestId(), warnings == null || warnings.isEmpty() ? null : warnings, trial.createdAt(),
                trial.ratedAt(), trial.ratedBy());
    }
}
