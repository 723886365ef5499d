package io.shotcraft.ai;

import java.time.Duration;

/**
 * One structured model call: the messages, the JSON schema the answer must fit, and the task's settings.
 * With a {@code seed} the call runs at temperature 0 so the same input gives the same answer.
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
        Duration timeout) {
}
