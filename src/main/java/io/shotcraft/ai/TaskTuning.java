package io.shotcraft.ai;

/**
 * Where a task's generation settings and prompt version come from on each call: the hook through which learning
 * serves a prompt version under A/B test or lets an optimiser set temperature and other parameters, without the AI
 * layer knowing it. The default keeps what is configured and declared; a bean of this type replaces it.
 */
public interface TaskTuning {

    /** The settings this call runs with; {@code configured} are the task's settings from configuration. */
    default TaskSettings settings(TaskSettings configured, String correlationId) {
        return configured;
    }

    /**
     * The prompt this call sends: {@code declared} is the task's own (its files' version, no replacement text); a
     * variant under test has its own version and system text, which replaces the declared system message.
     */
    default PromptVersion prompt(String task, PromptVersion declared, String correlationId) {
        return declared;
    }

    /** A version of a task's prompt; {@code systemText} null means the AI service's declared system message. */
    record PromptVersion(String version, String systemText) {
    }
}
