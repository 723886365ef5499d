package io.shotcraft.platform;

import java.net.URI;

/** The kinds of error the API answers with; each has a stable type URI that clients may switch on. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    INVALID_ID("invalid-id", "Invalid identifier", 400),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    REQUEST_TIMEOUT("request-timeout", "Request timeout", 408),
    CONFLICT("conflict", "Conflict", 409),
    UNPROCESSABLE("unprocessable", "Request cannot be applied", 422),
    EDIT_NOT_UNDERSTOOD("edit-not-understood", "Edit request not understood", 422),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    TOO_MANY_STREAMS("too-many-streams", "Too many event streams", 429),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    JOB_FAILED("job-failed", "Job failed", 500),
    GENERATION_FAILED("generation-failed", "Prompt generation failed", 500),
    RENDER_FAILED("render-failed", "Render failed", 502),
    JOB_CANCELLED("job-cancelled", "Job cancelled", 409),
    INTERNAL("internal", "Internal error", 500);

    public static final String BASE = "https://shotcraft.io/problems/";

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
