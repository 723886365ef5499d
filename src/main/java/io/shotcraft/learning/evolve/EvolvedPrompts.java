package io.shotcraft.learning.evolve;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The evolve task's answer: both variants in one answer, by the model (structured output) or the offline evolver. */
@RegisterForReflection
public record EvolvedPrompts(@Description("Exactly two different variants") List<PromptVariant> variants) {
}
