package io.shotcraft.enhance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Enhance settings ({@code shotcraft.enhance.*}). */
@ConfigMapping(prefix = "shotcraft.enhance")
public interface EnhanceConfig {

    /** A prompt of at least this many words is returned as it is (unless the request forces it). */
    @WithDefault("120")
    int skipWords();

    /** Longest result in words when the request names no limit. */
    @WithDefault("200")
    int defaultMaxWords();

    /**
     * Least share of the original's parameter values an LLM enhancement must keep; below it the model is asked once
     * to repair its answer, then the offline engine (which keeps every word) answers.
     */
    @WithDefault("0.8")
    double minFaithfulness();
}
