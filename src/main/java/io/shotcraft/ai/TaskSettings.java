package io.shotcraft.ai;

import java.time.Duration;

/**
 * The generation and fault-tolerance settings one call of a task runs with: the task's own settings
 * ({@code shotcraft.ai.tasks.<task>.*}) where it has them, else the shared ones ({@code shotcraft.ai.*}).
 */
public record TaskSettings(String task, String model, double temperature, int maxTokens, Duration timeout, int maxRetries,
        int breakerRequestVolumeThreshold, double breakerFailureRatio, Duration breakerDelay) {

    static TaskSettings of(AiConfig config, String task) {
        var own = config.tasks().get(task);
        if (own == null) {
            return new TaskSettings(task, config.model(), config.temperature(), config.maxTokens(), config.timeout(),
                    config.maxRetries(), config.breaker().requestVolumeThreshold(), config.breaker().failureRatio(),
                    config.breaker().delay());
        }
        return new TaskSettings(task, own.model().orElse(config.model()), own.temperature().orElse(config.temperature()),
                own.maxTokens().orElse(config.maxTokens()), own.timeout().orElse(config.timeout()),
                own.maxRetries().orElse(config.maxRetries()),
                own.breakerRequestVolumeThreshold().orElse(config.breaker().requestVolumeThreshold()),
                own.breakerFailureRatio().orElse(config.breaker().failureRatio()),
                own.breakerDelay().orElse(config.breaker().delay()));
    }

    public TaskSettings withModel(String model) {
        return new TaskSettings(task, model, temperature, maxTokens, timeout, maxRetries, breakerRequestVolumeThreshold,
                breakerFailureRatio, breakerDelay);
    }

    public TaskSettings withTemperature(double temperature) {
        return new TaskSettings(task, model, temperature, maxTokens, timeout, maxRetries, breakerRequestVolumeThreshold,
                breakerFailureRatio, breakerDelay);
    }

    public TaskSettings withMaxTokens(int maxTokens) {
        return new TaskSettings(task, model, temperature, maxTokens, timeout, maxRetries, breakerRequestVolumeThreshold,
                breakerFailureRatio, breakerDelay);
    }
}
