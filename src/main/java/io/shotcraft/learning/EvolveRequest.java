package io.shotcraft.learning;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code learning.evolve} job's input: the study and the evolution recorded for it. */
@RegisterForReflection
@Schema(name = "EvolveRequest")
public record EvolveRequest(@NotNull UUID studyId, @NotNull UUID evolutionId) {
}
