package io.shotcraft.tuning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shotcraft.parameters.Parameter;

/**
 * A session's revision as the source of other work: its prompt and parameters, and the target groups the session last
 * selected per category.
 */
public record RevisionSource(UUID sessionId, int revision, String prompt, List<Parameter> parameters,
        Map<String, List<String>> targetSelections) {
}
