package io.shotcraft.ai;

/**
 * How one request asks a task: its options (engine, cost cap), the correlation id its usage is recorded under, and
 * what it may set per call: the model (null: the task's), the answer's token ceiling (null: the task's), a seed (the
 * call then runs at temperature 0, so the same input gives the same answer), and where a streamed answer goes.
 */
public record AiCall(AiOptions options, String correlationId, String model, Integer maxTokens, Integer seed, Partials partials) {

    public AiCall {
        options = options == null ? AiOptions.DEFAULT : options;
    }

    public static AiCall of(AiOptions options, String correlationId) {
        return new AiCall(options, correlationId, null, null, null, null);
    }

    public AiCall withSeed(Integer seed) {
        return new AiCall(options, correlationId, model, maxTokens, seed, partials);
    }

    public AiCall withModel(String model) {
        return new AiCall(options, correlationId, model, maxTokens, seed, partials);
    }

    public AiCall withMaxTokens(Integer maxTokens) {
        return new AiCall(options, correlationId, model, maxTokens, seed, partials);
    }

    public AiCall streamingTo(Partials partials) {
        return new AiCall(options, correlationId, model, maxTokens, seed, partials);
    }
}
