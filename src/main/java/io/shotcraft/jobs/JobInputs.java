package io.shotcraft.jobs;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;

/** Reads a job's input into its kind's record and checks it, as the HTTP edge checks a request body. */
@ApplicationScoped
public class JobInputs {

    static final String PREFIX = "input.";

    private final Validator validator;
    private final ObjectMapper json;

    public JobInputs(Validator validator, ObjectMapper json) {
        this.validator = validator;
        this.json = json;
    }

    /** The input as the kind's record; a 400 problem naming {@code input.<field>} when it does not fit. */
    <I> I read(JobKind<I> kind, JsonNode input) {
        return read(kind, input, PREFIX);
    }

    /** As {@link #read(JobKind, JsonNode)}, field names starting with {@code prefix} ("" when the body is the input). */
    <I> I read(JobKind<I> kind, JsonNode input, String prefix) {
        var whole = prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
        I value;
        try {
            value = input == null || !input.isObject() ? null : json.treeToValue(input, kind.inputType());
        } catch (JsonMappingException e) {
            throw new ProblemException(ProblemMappers.mappingProblem(e, prefix));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError(whole,
                    "does not fit a " + kind.name() + " input"))));
        }
        if (value == null) {
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError(whole,
                    "must be a " + kind.name() + " input object"))));
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(violations, prefix));
        }
        kind.check(value, prefix);
        return value;
    }
}
