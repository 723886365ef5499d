package io.shotcraft.targets.rules;

import java.util.List;

import io.shotcraft.parameters.Parameter;

/**
 * The rules of one target model: how its prompt must be written, how a model's answer is brought into that shape,
 * and how a prompt is written for it without any model. Implementations are immutable and thread-safe; they never
 * log the prompts they see.
 */
public interface ModelRules {

    /** The rules' name in the {@link Rulebook} and in {@code groups.json}. */
    String name();

    /**
     * Normalises an answer: moves settings to where the model expects them, applies the options, removes what the
     * model cannot read. Each change adds a warning. The result may still break a rule that needs rewriting
     * (see {@link #violations}).
     *
     * @throws IllegalArgumentException when an option of {@code options.extra()} this model reads has a bad value
     */
    TargetPrompt adapt(TargetPrompt answer, TargetOptions options);

    /** Every rule the prompt breaks, one short sentence each naming the rule; empty when it obeys them all. */
    List<String> violations(TargetPrompt prompt);

    /**
     * Writes this model's prompt from a source prompt and its extracted parameters, deterministically (same input,
     * same output) and obeying every rule of {@link #violations}.
     *
     * @throws IllegalArgumentException when an option of {@code options.extra()} this model reads has a bad value
     */
    TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options);
}
