package io.shotcraft.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates model answers against the JSON Schema subset that OpenAI's strict structured outputs accept
 * (type, properties, required, additionalProperties, items, enum, const, anyOf, local $ref/$defs, string,
 * number and array bounds, pattern). A schema using any other keyword is refused when it is loaded, so no
 * rule is ever silently skipped. Plain Java: no reflection, no resources, native-image friendly.
 */
public final class StrictJsonSchema {

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items",
            "enum", "const", "anyOf", "$ref", "$defs", "definitions", "minLength", "maxLength", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "description", "title", "$schema",
            "$id", "default", "format");

    private final JsonNode root;
    private final Map<String, Pattern> patterns = new HashMap<>();

    private StrictJsonSchema(JsonNode root) {
        this.root = root;
        check(root, "#");
    }

    /** Loads a schema; throws {@link IllegalArgumentException} when it uses a keyword outside the subset. */
    public static StrictJsonSchema of(JsonNode schema) {
        return new StrictJsonSchema(schema);
    }

    /** What is wrong with {@code value}, one message per fault with its JSON path; empty when it fits. */
    public List<String> validate(JsonNode value) {
        List<String> errors = new ArrayList<>();
        validate(root, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, String at) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("Schema at " + at + " is not an object");
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYWORDS.contains(name)) {
                throw new IllegalArgumentException("Unsupported schema keyword '" + name + "' at " + at);
            }
        }
        schema.path("properties").properties().forEach(e -> check(e.getValue(), at + "/properties/" + e.getKey()));
        schema.path("$defs").properties().forEach(e -> check(e.getValue(), at + "/$defs/" + e.getKey()));
        schema.path("definitions").properties().forEach(e -> check(e.getValue(), at + "/definitions/" + e.getKey()));
        if (schema.has("items")) {
            check(schema.get("items"), at + "/items");
        }
        int i = 0;
        for (JsonNode option : schema.path("anyOf")) {
            check(option, at + "/anyOf/" + i++);
        }
        if (schema.has("pattern")) {
            patterns.put(schema.get("pattern").asText(), Pattern.compile(schema.get("pattern").asText()));
        }
    }

    private void validate(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.has("$ref")) {
            validate(resolve(schema.get("$ref").asText()), value, path, errors);
            return;
        }
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.get("anyOf")) {
                List<String> attempt = new ArrayList<>();
                validate(option, value, path, attempt);
                if (attempt.isEmpty()) {
                    return;
                }
            }
            errors.add(path + ": matches none of the allowed shapes");
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(path + ": expected " + schema.get("type") + " but found " + kind(value));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": must be " + schema.get("const"));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(path + ": must be one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            text(schema, value.asText(), path, errors);
        } else if (value.isNumber()) {
            number(schema, value.asDouble(), path, errors);
        } else if (value.isArray()) {
            array(schema, value, path, errors);
        } else if (value.isObject()) {
            object(schema, value, path, errors);
        }
    }

    private void text(JsonNode schema, String text, String path, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(path + ": shorter than " + schema.get("minLength").asInt() + " characters");
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(path + ": longer than " + schema.get("maxLength").asInt() + " characters");
        }
        if (schema.has("pattern") && !patterns.get(schema.get("pattern").asText()).matcher(text).find()) {
            errors.add(path + ": does not match " + schema.get("pattern").asText());
        }
    }

    private static void number(JsonNode schema, double number, String path, List<String> errors) {
        if (schema.has("minimum") && number < schema.get("minimum").asDouble()
                || schema.has("exclusiveMinimum") && number <= schema.get("exclusiveMinimum").asDouble()) {
            errors.add(path + ": below the minimum");
        }
        if (schema.has("maximum") && number > schema.get("maximum").asDouble()
                || schema.has("exclusiveMaximum") && number >= schema.get("exclusiveMaximum").asDouble()) {
            errors.add(path + ": above the maximum");
        }
    }

    private void array(JsonNode schema, JsonNode array, String path, List<String> errors) {
        if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
            errors.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
            errors.add(path + ": more than " + schema.get("maxItems").asInt() + " items");
        }
        if (schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                validate(schema.get("items"), array.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private void object(JsonNode schema, JsonNode object, String path, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!object.has(required.asText())) {
                errors.add(path + ": missing required property '" + required.asText() + "'");
            }
        }
        var properties = schema.path("properties");
        boolean closed = schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true);
        object.properties().forEach(e -> {
            if (properties.has(e.getKey())) {
                validate(properties.get(e.getKey()), e.getValue(), path + "." + e.getKey(), errors);
            } else if (closed) {
                errors.add(path + ": unexpected property '" + e.getKey() + "'");
            }
        });
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are supported: " + ref);
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("Unresolvable reference " + ref);
        }
        return node;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("Unknown type " + type.asText());
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
