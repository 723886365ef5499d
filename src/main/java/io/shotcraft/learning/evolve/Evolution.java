package io.shotcraft.learning.evolve;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The two variants of one evolution and how they were made: {@code engine} {@code llm} or {@code offline},
 * {@code model} the model's name (null offline), {@code cached} whether the answer came from the result cache.
 */
@RegisterForReflection
public record Evolution(List<PromptVariant> variants, String engine, @JsonInclude(JsonInclude.Include.ALWAYS) String model,
        boolean cached) {

    public Evolution {
        variants = List.copyOf(variants);
    }
}
