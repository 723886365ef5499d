package io.shotcraft.clips;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Clip prompt settings ({@code shotcraft.clips.*}). */
@ConfigMapping(prefix = "shotcraft.clips")
public interface ClipsConfig {

    /** false writes every clip prompt from the templates, never calling the model. */
    @WithDefault("true")
    boolean useLlm();

    /** Most clips one model call writes; longer plans are split into batches that run concurrently. */
    @WithDefault("20")
    int batchSize();

    /** Most clips one request may have. */
    @WithDefault("500")
    int maxClips();

    /** Longest prompt in words when the request names no limit. */
    @WithDefault("200")
    int defaultMaxWords();

    /** Largest estimated model cost in USD of one request when the request names none. */
    @WithDefault("0.50")
    BigDecimal maxCostUsd();
}
