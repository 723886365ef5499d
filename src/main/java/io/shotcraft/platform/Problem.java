package io.shotcraft.platform;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "https://shotcraft.io/problems/validation") URI type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "prompt: must not be blank") String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation; {@code field} is the JSON path of the value in the request. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    /** Java names (a type, a package, an exception) never reach a client, whatever a library put in a message. */
    private static final java.util.regex.Pattern JAVA_NAMES = java.util.regex.Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com|org|io|net)(?:\\.[A-Za-z_$][\\w$]*){2,}|\\b\\w*(?:Exception|Error)\\b");

    /** This problem with anything that reads as a Java name in its detail and field messages replaced. */
    public Problem withoutJavaNames() {
        var cleanErrors = errors == null ? null
                : errors.stream().map(e -> new FieldError(e.field(), scrub(e.message()))).toList();
        return new Problem(type, title, status, scrub(detail), scrub(instance), cleanErrors);
    }

    private static String scrub(String text) {
        return text == null ? null : JAVA_NAMES.matcher(text).replaceAll("(value)");
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
