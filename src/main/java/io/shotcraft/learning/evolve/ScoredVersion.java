package io.shotcraft.learning.evolve;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An earlier prompt version with its average rating (null before any) over {@code samples} ratings. */
@RegisterForReflection
public record ScoredVersion(String version, String prompt, Double avgRating, int samples) {
}
