package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.learning.optimize.DimensionSpec;
import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * What is being learned: a line of prompt versions, the render backend each api value draws on, and the parameter
 * space the optimiser searches, declared as data.
 *
 * @param backends render backend per value of the {@code api} dimension; {@code default} for the rest
 * @param rules what every evolved version must keep
 * @param trials trials numbered so far
 */
// DimensionSpec is written and read as JSON (the study's space) and lives in the plain-Java optimiser package.
@RegisterForReflection(targets = { Study.class, DimensionSpec.class })
public record Study(UUID id, String name, List<DimensionSpec> space, Map<String, String> backends, Rules rules,
        long seed, int trials, OffsetDateTime stoppedAt, String stoppedBy, OffsetDateTime createdAt) {

    /**
     * @param neverChange phrases every evolved prompt keeps, word for word (case aside)
     * @param maxPromptLength longest evolved prompt, in characters
     */
    @RegisterForReflection
    public record Rules(List<String> neverChange, int maxPromptLength) {

        public Rules {
            neverChange = neverChange == null ? List.of() : List.copyOf(neverChange);
        }
    }

    public ParameterSpace parameterSpace() {
        return ParameterSpace.fromSpecs(space);
    }

    /** The render backend that draws an option of this api (the default one when the api has none). */
    public String backendFor(Object api) {
        var named = api == null ? null : backends.get(api.toString());
        return named != null ? named : backends.getOrDefault("default", "offline");
    }
}
