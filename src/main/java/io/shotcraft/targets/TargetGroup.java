package io.shotcraft.targets;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A group of target models, as its data files declare it: its place in its category's list (1-based, the order of
 * {@code groups.json}), label and description, its models in order, its instructions ({@code <group>.md}) and each
 * model's answer schema ({@code <group>.schema.json}).
 */
public record TargetGroup(String category, String name, int number, String label, String description, List<String> models,
        String instructions, Map<String, JsonNode> modelSchemas) {
}
