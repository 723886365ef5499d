package io.shotcraft.tuning;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an edit request means: the parameter updates, and one human-readable sentence per change
 * ("Changed robot colour from teal to blue"). No updates means nothing in the request applied.
 */
@RegisterForReflection
public record EditPlan(List<ParameterUpdate> updates, List<String> changes) {

    public static final EditPlan NOTHING = new EditPlan(List.of(), List.of());

    public boolean isEmpty() {
        return updates.isEmpty();
    }
}
