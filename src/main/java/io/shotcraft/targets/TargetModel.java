package io.shotcraft.targets;

import java.util.Map;

import io.shotcraft.targets.rules.ModelRules;

/** A target model: its group, the rules its prompts obey, and the parameters its prompts carry unless told otherwise. */
public record TargetModel(String id, String group, ModelRules rules, Map<String, Object> defaults) {
}
