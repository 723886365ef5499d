package io.shotcraft.targets;

import java.util.Map;

import io.shotcraft.targets.rules.ModelRules;

/**
 * A target model: its group, the rules its prompts obey, the parameters its prompts carry unless told otherwise, and
 * its own options (the variant it is, e.g. Midjourney's stylize), under which a request's options for it go.
 */
public record TargetModel(String id, String group, ModelRules rules, Map<String, Object> defaults, Map<String, String> options) {
}
