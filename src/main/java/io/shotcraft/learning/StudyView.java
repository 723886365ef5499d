package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.learning.optimize.DimensionSpec;

/** A study as the API shows it, with where its labels point. */
@RegisterForReflection
@Schema(name = "Study")
public record StudyView(UUID id, String name, List<DimensionSpec> space, Map<String, String> backends,
        Study.Rules rules, long seed, int trials, Map<String, String> labels, OffsetDateTime stoppedAt, String stoppedBy,
        OffsetDateTime createdAt) {

    static StudyView of(Study study, Map<String, String> labels) {
        return new StudyView(study.id(), study.name(), study.space(), study.backends(), study.rules(), study.seed(),
                study.trials(), labels, study.stoppedAt(), study.stoppedBy(), study.createdAt());
    }
}
