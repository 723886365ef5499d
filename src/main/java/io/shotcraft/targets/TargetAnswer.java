package io.shotcraft.targets;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The model's answer: per model id, its prompt, as the model's schema gives it (a string, or an object with
 * {@code prompt} and {@code negative_prompt}).
 */
@RegisterForReflection
public record TargetAnswer(Map<String, JsonNode> prompts) {
}
