package io.shotcraft.parameters;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One parameter of a prompt: a snake_case name ({@code subject}, {@code time_of_day}, {@code prop_3}…) and a
 * short phrase taken from the prompt. A prompt's parameters are an ordered list: the order in which the
 * prompt mentions them.
 */
@RegisterForReflection
public record Parameter(String name, String value) {
}
