package io.shotcraft.ai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer's schema made for one input, for a task whose answer's shape depends on what it is asked (a property per
 * model the request selected, say): {@code sent} goes to the model as the strict structured-output schema;
 * {@code checked} is what the answer must fit to reach the task's checks. They differ where the task's checks want
 * to see an incomplete answer (and repair or replace the missing part) rather than have the whole answer refused.
 * Build one per distinct shape and keep it: the validator is compiled once.
 */
public record AnswerSchema(String name, String text, StrictJsonSchema check) {

    public static AnswerSchema of(String name, JsonNode sent, JsonNode checked) {
        return new AnswerSchema(name, sent.toString(), StrictJsonSchema.of(checked));
    }
}
