package io.shotcraft.ai;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How {@link UsageRecorder} writes the {@code ai_usage} rows: a bounded buffer, written in batches by one writer;
 * each setting can be overridden by an environment variable (SHOTCRAFT_AI_USAGE_BUFFER_SIZE…).
 */
@ConfigMapping(prefix = "shotcraft.ai.usage")
public interface UsageConfig {

    /**
     * Most answers held in memory waiting for the database (about 250 bytes each). When it is full, answers are
     * summed into aggregate rows instead (one per task, engine, model, prompt version, outcome and cached flag).
     */
    @WithDefault("10000")
    @Positive
    int bufferSize();

    /** Most rows one INSERT writes. */
    @WithDefault("500")
    @Positive
    int batchSize();

    /** Wait before retrying a failed write; doubles after each failure, up to {@link #maxBackoff()}. */
    @WithDefault("PT0.1S")
    Duration initialBackoff();

    /** Longest wait between two attempts while the database is failing. */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /** Longest wait at shutdown for the rows still in memory to be written. */
    @WithDefault("PT10S")
    Duration shutdownTimeout();
}
