package io.shotcraft.targets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shotcraft.ai.StrictJsonSchema;
import io.shotcraft.targets.rules.ModelLimits;
import io.shotcraft.targets.rules.Rulebook;
import io.shotcraft.targets.rules.TargetOptions;

/**
 * The target models, read from data files: each location's {@code groups.json} (groups per category, in order, and
 * per model its rules, length limit and default parameters), per category {@code _shared_instructions.md}, per group
 * {@code <group>.md} and {@code <group>.schema.json}. Adding a group or a model is adding files: a further location
 * adds groups to a category (or a new category) and models. Files that do not fit fail the load with a message
 * naming the file, so a bad deployment never starts.
 */
public final class TargetCatalog {

    public static final String GROUPS_FILE = "groups.json";
    public static final String SHARED = "_shared_instructions.md";

    private final Map<String, TargetCategory> categories;
    private final Map<String, TargetModel> models;
    private final List<String> files;

    private TargetCatalog(Map<String, TargetCategory> categories, Map<String, TargetModel> models, List<String> files) {
        this.categories = categories;
        this.models = models;
        this.files = files;
    }

    /** The categories in the order their files declare them. */
    public List<TargetCategory> categories() {
        return List.copyOf(categories.values());
    }

    /** A category by name, or null. */
    public TargetCategory category(String name) {
        return categories.get(name);
    }

    public TargetModel model(String id) {
        return models.get(id);
    }

    /** Every file the catalog was read from: together they are the version of the targets' prompts. */
    public List<String> files() {
        return files;
    }

    /**
     * Reads the catalog from its locations, in order.
     *
     * @param read a file's text by path, or null when there is no such file
     * @param clipTokens counts CLIP tokens, for the rules of Stable Diffusion models
     */
    public static TargetCatalog load(List<String> locations, Function<String, String> read, ObjectMapper json,
            ToIntFunction<String> clipTokens) {
        var loader = new Loader(read, json, clipTokens);
        for (var location : locations) {
            loader.location(location.endsWith("/") ? location.substring(0, location.length() - 1) : location);
        }
        return loader.catalog();
    }

    private static final class Loader {

        private final Function<String, String> read;
        private final ObjectMapper json;
        private final ToIntFunction<String> clipTokens;
        private final Map<String, String> shared = new LinkedHashMap<>();
        private final Map<String, List<TargetGroup>> groups = new LinkedHashMap<>();
        private final Map<String, TargetModel> models = new LinkedHashMap<>();
        private final Map<String, String> modelGroup = new LinkedHashMap<>();
        private final List<String> files = new ArrayList<>();

        Loader(Function<String, String> read, ObjectMapper json, ToIntFunction<String> clipTokens) {
            this.read = read;
            this.json = json;
            this.clipTokens = clipTokens;
        }

        void location(String location) {
            var file = location + "/" + GROUPS_FILE;
            var root = readJson(file);
            if (!(root.get("model_groups") instanceof ObjectNode declared)) {
                throw bad(file, "has no \"model_groups\" object");
            }
            var modelEntries = root.get("models") instanceof ObjectNode m ? m : json.createObjectNode();
            for (var category : fields(declared)) {
                if (!(category.getValue() instanceof ObjectNode categoryGroups)) {
                    throw bad(file, "category '" + category.getKey() + "' is not an object of groups");
                }
                sharedInstructions(location, category.getKey());
                for (var group : fields(categoryGroups)) {
                    group(file, location, category.getKey(), group.getKey(), group.getValue(), modelEntries);
                }
            }
            for (var model : fields(modelEntries)) {
                if (!modelGroup.containsKey(model.getKey())) {
                    throw bad(file, "model '" + model.getKey() + "' is in no group");
                }
            }
        }

        private void sharedInstructions(String location, String category) {
            var path = location + "/" + category + "/" + SHARED;
            var text = read.apply(path);
            if (text != null) {
                shared.putIfAbsent(category, text.strip());
                files.add(path);
            }
        }

        private void group(String file, String location, String category, String name, JsonNode declared, ObjectNode modelEntries) {
            var where = "group '" + name + "' of " + category;
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw bad(file, where + ": a group's name is lower snake_case");
            }
            var list = groups.computeIfAbsent(category, c -> new ArrayList<>());
            if (list.stream().anyMatch(g -> g.name().equals(name))) {
                throw bad(file, where + " is declared twice");
            }
            var label = text(declared, "label", file, where);
            var description = text(declared, "description", file, where);
            if (!(declared.get("models") instanceof ArrayNode ids) || ids.isEmpty()) {
                throw bad(file, where + " has no models");
            }
            var modelIds = new LinkedHashSet<String>();
            for (var id : ids) {
                if (!id.isTextual() || !id.asText().matches("[A-Z][A-Z0-9_]*")) {
                    throw bad(file, where + ": model ids are UPPER_SNAKE_CASE strings, not " + id);
                }
                if (!modelIds.add(id.asText()) || modelGroup.containsKey(id.asText())) {
                    throw bad(file, where + ": model '" + id.asText() + "' is listed twice");
                }
            }
            var base = location + "/" + category + "/" + name;
            var instructions = read.apply(base + ".md");
            if (instructions == null || instructions.isBlank()) {
                throw bad(base + ".md", "is missing or empty (the instructions of " + where + ")");
            }
            files.add(base + ".md");
            var schemas = modelSchemas(base + ".schema.json", modelIds);
            files.add(base + ".schema.json");
            for (var id : modelIds) {
                modelGroup.put(id, name);
                models.put(id, model(file, id, name, modelEntries.get(id)));
            }
            list.add(new TargetGroup(category, name, list.size() + 1, label, description, List.copyOf(modelIds),
                    instructions.strip(), schemas));
        }

        /** The group's schema in the design's shape: {@code properties.prompts.properties}, one per model, all required. */
        private Map<String, JsonNode> modelSchemas(String file, LinkedHashSet<String> ids) {
            var root = readJson(file);
            var prompts = root.path("properties").path("prompts");
            if (!(prompts.get("properties") instanceof ObjectNode properties)) {
                throw bad(file, "has no properties.prompts.properties");
            }
            var declared = new LinkedHashSet<String>();
            properties.fieldNames().forEachRemaining(declared::add);
            if (!declared.equals(ids)) {
                throw bad(file, "declares models " + declared + ", its group lists " + ids);
            }
            var required = new LinkedHashSet<String>();
            prompts.path("required").forEach(r -> required.add(r.asText()));
            if (!required.equals(ids)) {
                throw bad(file, "requires " + required + ": every model of the group is required");
            }
            var schemas = new LinkedHashMap<String, JsonNode>();
            for (var id : ids) {
                var schema = properties.get(id);
                var type = schema.path("type").asText();
                boolean text = "string".equals(type);
                boolean object = "object".equals(type) && schema.path("properties").has("prompt");
                if (!text && !object) {
                    throw bad(file, "model '" + id + "' must be a string or an object with a prompt");
                }
                try {
                    StrictJsonSchema.of(schema);
                } catch (IllegalArgumentException e) {
                    throw bad(file, "model '" + id + "': " + e.getMessage());
                }
                schemas.put(id, schema);
            }
            return Map.copyOf(schemas);
        }

        private TargetModel model(String file, String id, String group, JsonNode entry) {
            if (entry == null || !entry.isObject()) {
                throw bad(file, "model '" + id + "' has no entry in \"models\" (its rules and length limit)");
            }
            var rulesName = entry.path("rules").asText("");
            int maxChars = entry.path("max_chars").asInt(0);
            if (maxChars <= 0) {
                throw bad(file, "model '" + id + "' needs a positive max_chars");
            }
            Integer maxTokens = entry.has("max_tokens") ? entry.get("max_tokens").asInt() : null;
            Map<String, Object> defaults = new LinkedHashMap<>();
            if (entry.get("defaults") instanceof ObjectNode values) {
                for (var value : fields(values)) {
                    defaults.put(value.getKey(), json.convertValue(value.getValue(), Object.class));
                }
            }
            Map<String, String> options = new LinkedHashMap<>();
            if (entry.get("options") instanceof ObjectNode values) {
                for (var value : fields(values)) {
                    options.put(value.getKey(), value.getValue().asText());
                }
            }
            try {
                var rules = Rulebook.rules(rulesName, new ModelLimits(maxChars, maxTokens), clipTokens);
                // The model's own options are checked now, as a request's would be: bad data stops the start.
                rules.offline("check", java.util.List.of(), new TargetOptions(null, null, null, options));
                return new TargetModel(id, group, rules, Collections.unmodifiableMap(defaults), Map.copyOf(options));
            } catch (IllegalArgumentException e) {
                throw bad(file, "model '" + id + "': " + e.getMessage());
            }
        }

        TargetCatalog catalog() {
            var categories = new LinkedHashMap<String, TargetCategory>();
            for (var entry : groups.entrySet()) {
                var text = shared.get(entry.getKey());
                if (text == null) {
                    throw new IllegalStateException("Targets: category '" + entry.getKey() + "' has no " + SHARED);
                }
                categories.put(entry.getKey(), new TargetCategory(entry.getKey(), text, List.copyOf(entry.getValue())));
            }
            if (categories.isEmpty()) {
                throw new IllegalStateException("Targets: no model groups were found");
            }
            return new TargetCatalog(Collections.unmodifiableMap(categories), Map.copyOf(models), List.copyOf(files));
        }

        private JsonNode readJson(String file) {
            var text = read.apply(file);
            if (text == null) {
                throw bad(file, "is missing");
            }
            files.add(file);
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                throw bad(file, "is not valid JSON: " + e.getOriginalMessage());
            }
        }

        private static String text(JsonNode node, String field, String file, String where) {
            var value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw bad(file, where + " needs a \"" + field + "\"");
            }
            return value.asText();
        }

        private static Iterable<Map.Entry<String, JsonNode>> fields(ObjectNode node) {
            return () -> {
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                return it;
            };
        }

        private static IllegalStateException bad(String file, String problem) {
            return new IllegalStateException("Targets: " + file + " " + problem);
        }
    }
}
