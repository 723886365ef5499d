package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An evolution of a study's prompt: when it was triggered (the samples then), why, which engine wrote the variants
 * and which versions it made.
 *
 * @param status running, succeeded or failed
 */
@RegisterForReflection
public record EvolutionRun(UUID id, int atSample, String trigger, String status, String engine, String model,
        List<String> versions, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
