package io.shotcraft.parameters;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The extraction task's answer: a prompt's parameters, in the order the prompt mentions them. */
@RegisterForReflection
public record PromptParameters(
        @Description("The parameters, in the order the prompt first mentions them; name in snake_case, value a phrase of the prompt")
        List<Parameter> parameters) {
}
