package io.shotcraft.learning;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A version's figures, computed from the stored ratings when read: mean rating and ratings of the options drawn with
 * it, the share of its trials where its option was rated above the other (ties left out; null before any), and when
 * it was last drawn.
 */
@RegisterForReflection
public record VersionPerformance(Double avgRating, int sampleCount, Double winRate, OffsetDateTime lastUsed) {

    static final VersionPerformance NONE = new VersionPerformance(null, 0, null, null);
}
