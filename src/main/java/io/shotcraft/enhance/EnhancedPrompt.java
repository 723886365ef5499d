package io.shotcraft.enhance;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The enhance task's answer, from the model (structured output) or the offline engine. */
@RegisterForReflection
public record EnhancedPrompt(@Description("The detailed cinematic prompt, one paragraph") String enhanced) {
}
