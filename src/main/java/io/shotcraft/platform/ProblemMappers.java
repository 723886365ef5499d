package io.shotcraft.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.logging.Log;

/**
 * Turns every failure on the REST path into {@code application/problem+json}: no stack trace ever reaches a
 * client, and each error kind has a stable {@link ProblemType}.
 */
public class ProblemMappers {

    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.NOT_FOUND, "No resource at " + uri.getPath()), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAllowed(NotAllowedException e, Request request, UriInfo uri) {
        return respond(Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                request.getMethod() + " is not allowed on " + uri.getPath()), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unsupported(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
        var type = headers.getMediaType();
        return respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + (type == null ? "(none)" : "'" + type + "'") + " is not accepted here; send application/json"),
                uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.NOT_ACCEPTABLE, "No representation matches the Accept header"), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps syntax errors in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping, uri);
        }
        if (e.getCause() instanceof StreamReadException read) {
            return streamRead(read, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is over the size limit"), uri);
        }
        if (status >= 500) {
            Log.errorf(e, "Request to %s failed", StorableText.forLog(uri.getPath()));
            return respond(Problem.of(ProblemType.INTERNAL, "The request could not be completed"), uri);
        }
        var reason = Response.Status.fromStatusCode(status);
        var problem = new Problem(ProblemType.VALIDATION.uri(), reason == null ? "Bad request" : reason.getReasonPhrase(),
                status, e.getMessage(), null, null);
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformed(JsonParseException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON,
                "The body is not valid JSON" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage())), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mismatched(MismatchedInputException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidFormat(InvalidFormatException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mapping(JsonMappingException e, UriInfo uri) {
        return respond(mappingProblem(e, ""), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> streamRead(StreamReadException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON,
                "The body is not valid JSON" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage())), uri);
    }

    /**
     * The problem for a body (or a part of one, behind {@code prefix}) that is JSON but does not fit: text that
     * cannot be stored is a validation problem, the rest malformed JSON; either names the field by its JSON path
     * and says what was expected in JSON's terms, never in Java's.
     */
    public static Problem mappingProblem(JsonMappingException e, String prefix) {
        var path = jsonPath(e.getPath());
        var field = path.isEmpty() ? (prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1)) : prefix + path;
        var message = describe(e);
        if (e instanceof JsonCustomizer.UnstorableTextException) {
            return invalid(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
        }
        var problem = Problem.of(ProblemType.MALFORMED_JSON, "The JSON does not fit the request: "
                + (field.isEmpty() ? "the body" : "'" + field + "'") + at(e.getLocation()) + " " + message);
        return field.isEmpty() ? problem : problem.withErrors(List.of(new Problem.FieldError(field, message)));
    }

    /** What was wrong with a value, in JSON's terms: "must be a string", "must be one of [t2v, i2v]"… */
    public static String describe(JsonMappingException e) {
        if (e instanceof JsonCustomizer.UnstorableTextException text) {
            return text.reason();
        }
        if (e.getCause() instanceof InputCoercionException range) {
            return "is out of range for " + expected(range.getTargetType());
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            var values = ENUM_VALUES.matcher(String.valueOf(e.getOriginalMessage()));
            return values.find() ? "must be one of " + values.group(1) : "is not an accepted value";
        }
        if (e instanceof ValueInstantiationException instantiation) {
            var type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
            return type != null && type.isEnum() ? "must be " + expected(type) : "is not a valid value";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "does not fit the request";
    }

    private static final java.util.regex.Pattern ENUM_VALUES = java.util.regex.Pattern.compile("accepted for Enum class: (\\[[^\\]]*\\])");

    private static String expected(Class<?> type) {
        if (type == null) {
            return "this field";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT)).toList();
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.util.UUID.class) {
            return "a UUID string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object";
    }

    @ServerExceptionMapper
    public RestResponse<Problem> violations(ConstraintViolationException e, UriInfo uri) {
        return respond(invalid(e.getConstraintViolations(), ""), uri);
    }

    /**
     * The validation problem for Bean Validation violations, each field named by its snake_case path in the
     * JSON (behind {@code prefix}, e.g. {@code "input."}, when the object sits inside a larger body).
     */
    public static Problem invalid(Set<? extends ConstraintViolation<?>> violations, String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            errors.add(new Problem.FieldError(prefix + field(v.getPropertyPath()), v.getMessage()));
        }
        return invalid(errors);
    }

    /** The validation problem for field errors, sorted by field, the detail listing them all. */
    public static Problem invalid(List<Problem.FieldError> fieldErrors) {
        List<Problem.FieldError> errors = new ArrayList<>(fieldErrors);
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        var detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return Problem.of(ProblemType.VALIDATION, detail).withErrors(errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (isUnavailable(e)) {
            Log.warnf("A backing service is unavailable for %s: %s", StorableText.forLog(uri.getPath()), e);
            return respond(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "A backing service (PostgreSQL or Redis) is unavailable; try again shortly"), uri);
        }
        if (isMalformedMultipart(e)) {
            return respond(Problem.of(ProblemType.VALIDATION, "The multipart body is malformed or cut short"), uri);
        }
        Log.errorf(e, "Unexpected failure on %s", StorableText.forLog(uri.getPath()));
        return respond(Problem.of(ProblemType.INTERNAL, "The request could not be completed"), uri);
    }

    static RestResponse<Problem> respond(Problem problem, UriInfo uri) {
        var withInstance = (problem.instance() == null && uri != null ? problem.withInstance(uri.getPath()) : problem)
                .withoutJavaNames();
        var response = RestResponse.ResponseBuilder.<Problem> create(problem.status())
                .entity(withInstance)
                .type(Problem.MEDIA_TYPE);
        if (problem.status() == 503 || problem.status() == 429) {
            // A dependency is down or the instance is busy: come back shortly rather than at once.
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** The REST layer's multipart reader failed on the body (it ended early or broke the format): the client's fault. */
    static boolean isMalformedMultipart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("multipart")) {
                return true;
            }
        }
        return false;
    }

    /** What a 503 or 429 asks a client to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 2;

    /** True when the failure means PostgreSQL or Redis could not be reached (or did not answer in time). */
    public static boolean isUnavailable(Throwable e) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ProblemException p && p.problem().status() == 503
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
            // PostgreSQL starting, stopping or restarting (57P01-57P03), or a connection failure (class 08).
            if (t instanceof io.vertx.sqlclient.DatabaseException db && db.getSqlState() != null
                    && (db.getSqlState().startsWith("57P") || db.getSqlState().startsWith("08"))) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("ConnectTimeoutException") || name.endsWith("ClosedConnectionException")
                    || name.equals("io.vertx.core.VertxException") && String.valueOf(t.getMessage()).contains("onnection")) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection refused") || message.contains("connection reset")
                    || message.contains("connection is closed") || message.contains("connection was closed")
                    || message.contains("connection closed") || message.contains("connection_closed")) {
                return true;
            }
        }
        return false;
    }

    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            // Method and parameter nodes (e.g. "submit.arg0") say where the check ran, not what the client sent.
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && !names.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.add(names.remove(names.size() - 1) + "[" + position + "]");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null && !node.getName().isEmpty()) {
                names.add(SNAKE.translate(node.getName()));
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    /** Where in the JSON a mapping failed, as {@code plan.clip_scripts[0].clip_index}; "" for the whole body. */
    public static String jsonPath(List<JsonMappingException.Reference> path) {
        var sb = new StringBuilder();
        for (var ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The first line of an exception message (Jackson appends the source location on later lines). */
    public static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
