package io.shotcraft.demo;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.ai.TaskSettings;
import io.shotcraft.ai.TaskTuning;

/**
 * What learning will do through the AI layer's hook, for the test-only title task alone: serve a prompt version under
 * test and set the temperature, as an optimiser would. Every other task keeps its configured settings and declared
 * prompt (the interface's defaults).
 */
@ApplicationScoped
public class DemoTuning implements TaskTuning {

    static final String VARIANT = "You write short film titles, five words at most. (variant b)";

    @Override
    public TaskSettings settings(TaskSettings configured, String correlationId) {
        return "demo-title".equals(configured.task()) ? configured.withTemperature(0.15) : configured;
    }

    @Override
    public PromptVersion prompt(String task, PromptVersion declared, String correlationId) {
        return "demo-title".equals(task) ? new PromptVersion("variant-b", VARIANT) : declared;
    }
}
