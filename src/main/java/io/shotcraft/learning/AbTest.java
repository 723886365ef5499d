package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A/B test of an evolved version (candidate) against the current one, on paired trials; every decision is stored
 * with its figures.
 *
 * @param status queued, running, promoted, retired or kept_current
 * @param probability at the decision, the posterior probability that the candidate wins more often than not
 */
@RegisterForReflection
public record AbTest(UUID id, UUID studyId, String candidate, String current, UUID evolutionId, String status, int wins,
        int losses, int ties, Double probability, OffsetDateTime createdAt, OffsetDateTime startedAt,
        OffsetDateTime decidedAt) {

    public int pairs() {
        return wins + losses + ties;
    }
}
