package io.shotcraft.ai;

import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AI task to answer: the model call the LLM engine would make, how its validated JSON becomes the
 * result ({@code fromLlm} may throw {@link LlmFailure} to reject an answer), and the offline engine that
 * answers otherwise. {@code cacheInput} is what, with the model, prompt version and seed, keys the cache.
 */
public record AiRequest<T>(
        LlmCall call,
        String promptVersion,
        Object cacheInput,
        AiOptions options,
        String correlationId,
        Function<JsonNode, T> fromLlm,
        Supplier<T> offline) {
}
