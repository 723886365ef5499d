package io.shotcraft.tuning;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The edit task's answer: what the request changes, said in sentences, and the prompt rewritten to match. */
@RegisterForReflection
public record PromptEdit(
        @Description("false when nothing in the request applies to this prompt") boolean applicable,
        @Description("The parameter changes, in order") List<Update> updates,
        @Description("One short sentence per change, e.g. Changed robot color from teal to blue") List<String> changes,
        @Description("The prompt rewritten with the smallest edit that matches the new parameters") String prompt) {

    /** One change: {@code op} is set, add or remove; {@code value} is null for remove. */
    @RegisterForReflection
    public record Update(
            @Description("set, add or remove") String op,
            @Description("The parameter's snake_case name") String name,
            @Description("The new value; null to remove") String value) {
    }
}
