package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A prompt version as the design keeps it in {@code v1.0.0.json}: immutable once stored. {@code prompts} holds, per
 * api (the values of the study's {@code api} dimension, e.g. leonardo and stablediffusion), its {@code prompt},
 * {@code negative_prompt} and the parameters the design file gives it, in the file's order.
 */
public record PromptVersion(
        String version,
        OffsetDateTime createdAt,
        String createdBy,
        String parentVersion,
        Map<String, Map<String, Object>> prompts,
        Map<String, Object> metadata) {

    public PromptVersion {
        prompts = copy(prompts);
        metadata = metadata == null ? Map.of() : new LinkedHashMap<>(metadata);
    }

    /** The entry of an api, or the first entry when the version has none for it (or no api is given). */
    public Map<String, Object> entry(String api) {
        var entry = api == null ? null : prompts.get(api);
        return entry != null ? entry : prompts.values().iterator().next();
    }

    public String prompt(String api) {
        return (String) entry(api).get("prompt");
    }

    public String negativePrompt(String api) {
        return (String) entry(api).get("negative_prompt");
    }

    /** The version with every api's prompt replaced, the rest of each entry kept. */
    public PromptVersion withPrompt(String version, OffsetDateTime at, String by, String prompt,
            Map<String, Object> metadata) {
        var changed = new LinkedHashMap<String, Map<String, Object>>();
        prompts.forEach((api, entry) -> {
            var copy = new LinkedHashMap<>(entry);
            copy.put("prompt", prompt);
            changed.put(api, copy);
        });
        return new PromptVersion(version, at, by, this.version, changed, metadata);
    }

    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> prompts) {
        var copy = new LinkedHashMap<String, Map<String, Object>>();
        if (prompts != null) {
            prompts.forEach((api, entry) -> copy.put(api, new LinkedHashMap<>(entry)));
        }
        return copy;
    }
}
