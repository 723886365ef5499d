package io.shotcraft.parameters;

import java.util.HashSet;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;

/** An extraction is usable when it found parameters, each with a snake_case name used once and a non-empty value. */
@Singleton
public class ExtractChecks extends TaskGuardrail<String, PromptParameters> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ExtractChecks(ObjectMapper json) {
        super(json);
    }

    @Override
    protected Verdict check(String prompt, PromptParameters answer) {
        if (answer.parameters() == null || answer.parameters().isEmpty()) {
            return Verdict.reject("invalid_output", "The model found no parameters");
        }
        var seen = new HashSet<String>();
        for (var parameter : answer.parameters()) {
            var name = parameter.name() == null ? "" : parameter.name();
            if (!NAME.matcher(name).matches() || parameter.value() == null || parameter.value().isBlank() || !seen.add(name)) {
                return Verdict.reject("invalid_output", "The model gave an empty, repeated or misnamed parameter " + name);
            }
        }
        return Verdict.ok();
    }
}
