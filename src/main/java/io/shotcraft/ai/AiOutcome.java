package io.shotcraft.ai;

/**
 * A task's result and how it was made: the engine, the model (null offline), whether it came from the
 * cache, the usage it cost, and why the offline engine answered when the LLM was expected.
 */
public record AiOutcome<T>(T value, Engine engine, String model, boolean cached, Usage usage, String fallbackReason,
        String promptVersion) {
}
