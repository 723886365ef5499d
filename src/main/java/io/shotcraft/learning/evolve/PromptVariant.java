package io.shotcraft.learning.evolve;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One evolved prompt, with what changed and why (the design's answer of the meta-prompt). */
@RegisterForReflection
public record PromptVariant(
        @Description("The complete improved prompt") String improvedPrompt,
        @Description("Each specific change, e.g. \"added depth of field\", \"removed 8k\"") List<String> changes,
        @Description("Why these changes improve photorealism") String reasoning,
        @Description("What should improve in the ratings") String expectedImprovement) {

    public PromptVariant {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
