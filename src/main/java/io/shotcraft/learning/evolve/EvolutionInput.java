package io.shotcraft.learning.evolve;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one prompt evolution starts from.
 *
 * @param currentVersion the version being evolved (its id in the study)
 * @param currentPrompt  its prompt
 * @param negativePrompt its negative prompt (may be null); context for the model, kept as it is
 * @param currentRating  its average rating (1-5), null before any
 * @param issues         what low-rated comments named ({@link CommentDigest#issues()})
 * @param praised        what high-rated comments praised ({@link CommentDigest#praised()})
 * @param history        the scored earlier versions
 * @param neverChange    the study's fixed phrases: every variant must contain each (case-insensitive)
 * @param maxLength      the most characters a variant may have
 */
@RegisterForReflection
public record EvolutionInput(String currentVersion, String currentPrompt, String negativePrompt, Double currentRating,
        List<String> issues, List<String> praised, List<ScoredVersion> history, List<String> neverChange, int maxLength) {

    public EvolutionInput {
        issues = issues == null ? List.of() : List.copyOf(issues);
        praised = praised == null ? List.of() : List.copyOf(praised);
        history = history == null ? List.of() : List.copyOf(history);
        neverChange = neverChange == null ? List.of() : neverChange.stream().filter(p -> p != null && !p.isBlank())
                .map(String::strip).toList();
    }
}
