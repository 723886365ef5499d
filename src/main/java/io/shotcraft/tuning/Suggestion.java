package io.shotcraft.tuning;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A parameter that the prompt lacks and that would help a video model: its snake_case name ({@code shot_type},
 * {@code camera}, {@code lighting}…), a proposed value that fits the scene, and one sentence saying why it helps.
 */
@RegisterForReflection
public record Suggestion(String name, String value, String reason) {
}
