package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;

/**
 * The design's version files ({@code prompts/versions/v1.0.0.json}): read for import, written for export. The file's
 * own keys are {@code version}, {@code created_at}, {@code created_by}, {@code parent_version}, {@code performance}
 * and {@code metadata}; every other key whose value is an object with a {@code prompt} is an api's entry.
 */
final class VersionFiles {

    static final Pattern VERSION = Pattern.compile("v\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}");
    static final int MAX_PROMPT = 4000;
    static final int MAX_NEGATIVE = 2000;
    private static final Set<String> OWN_KEYS = Set.of("version", "created_at", "created_by", "parent_version",
            "performance", "metadata");

    private VersionFiles() {
    }

    /** The version a file describes; a 400 problem naming each field that is wrong. */
    static PromptVersion read(JsonNode file, ObjectMapper json, OffsetDateTime now) {
        var errors = new ArrayList<Problem.FieldError>();
        if (file == null || !file.isObject()) {
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError("",
                    "a version file is a JSON object"))));
        }
        var version = file.path("version").asText("");
        if (!VERSION.matcher(version).matches()) {
            errors.add(new Problem.FieldError("version", "must look like v1.2.3"));
        }
        var parent = file.path("parent_version");
        if (!parent.isMissingNode() && !parent.isNull() && !VERSION.matcher(parent.asText()).matches()) {
            errors.add(new Problem.FieldError("parent_version", "must look like v1.2.3 or be null"));
        }
        var createdAt = now;
        if (file.hasNonNull("created_at")) {
            try {
                createdAt = OffsetDateTime.parse(file.get("created_at").asText());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("created_at", "must be an ISO-8601 date-time with offset"));
            }
        }
        var prompts = new LinkedHashMap<String, Map<String, Object>>();
        file.properties().forEach(field -> {
            if (OWN_KEYS.contains(field.getKey())) {
                return;
            }
            var entry = field.getValue();
            if (!entry.isObject()) {
                errors.add(new Problem.FieldError(field.getKey(), "an api's entry is an object with a prompt"));
                return;
            }
            checkText(entry, "prompt", MAX_PROMPT, true, field.getKey(), errors);
            checkText(entry, "negative_prompt", MAX_NEGATIVE, false, field.getKey(), errors);
            @SuppressWarnings("unchecked")
            Map<String, Object> values = json.convertValue(entry, LinkedHashMap.class);
            prompts.put(field.getKey(), values);
        });
        if (prompts.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("", "a version has at least one api entry, e.g. \"leonardo\": {\"prompt\": …}"));
        }
        var metadata = file.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isNull() && !metadata.isObject()) {
            errors.add(new Problem.FieldError("metadata", "must be an object"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(errors));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = metadata.isObject() ? json.convertValue(metadata, LinkedHashMap.class) : Map.of();
        var createdBy = file.path("created_by").asText("import");
        return new PromptVersion(version, createdAt, createdBy.isBlank() ? "import" : createdBy,
                parent.isTextual() ? parent.asText() : null, prompts, meta);
    }

    private static void checkText(JsonNode entry, String field, int max, boolean required, String api,
            List<Problem.FieldError> errors) {
        var value = entry.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(api + "." + field, "is required"));
            }
            return;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            errors.add(new Problem.FieldError(api + "." + field, "must be a non-empty string"));
        } else if (value.asText().length() > max) {
            errors.add(new Problem.FieldError(api + "." + field, "must be at most " + max + " characters"));
        }
    }

    /** The design's file of a version, its performance as measured now. */
    static ObjectNode write(PromptVersion version, VersionPerformance performance, ObjectMapper json) {
        var file = json.createObjectNode();
        file.put("version", version.version());
        file.put("created_at", version.createdAt().toString());
        file.put("created_by", version.createdBy());
        file.put("parent_version", version.parentVersion());
        version.prompts().forEach((api, entry) -> file.set(api, json.valueToTree(entry)));
        file.set("performance", json.valueToTree(performance));
        file.set("metadata", json.valueToTree(version.metadata()));
        return file;
    }
}
