package io.shotcraft.ai;

import java.time.Duration;

/**
 * One structured model call: the messages, the JSON schema the answer must fit, and the task's settings.
 * With a {@code seed} the call runs at temperature 0 so the same input gives the same answer. With
 * {@code partials}, a task that has a streaming model streams, and each piece of the answer's text is handed
 * to it as it arrives (the answer is still checked whole at the end).
 */
public record LlmCall(
        String task,
        String model,
        String systemPrompt,
        String userText,
        String imageUrl,
        String schemaName,
        String schemaJson,
        Integer seed,
        double temperature,
        int maxTokens,
        Duration timeout,
        java.util.function.Consumer<String> partials) {

    public LlmCall(String task, String model, String systemPrompt, String userText, String imageUrl, String schemaName,
            String schemaJson, Integer seed, double temperature, int maxTokens, Duration timeout) {
        this(task, model, systemPrompt, userText, imageUrl, schemaName, schemaJson, seed, temperature, maxTokens, timeout, null);
    }

    public LlmCall streamingTo(java.util.function.Consumer<String> consumer) {
        return new LlmCall(task, model, systemPrompt, userText, imageUrl, schemaName, schemaJson, seed, temperature, maxTokens,
                timeout, consumer);
    }
}
