package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * The model-group data under {@code prompts/targets/}: bad data fails here, not in production. Every group's model
 * has a {@code models} entry whose rules the {@link Rulebook} knows and whose limits are valid; every group has its
 * instruction file and its schema, whose required list is its model list; and sending one group costs at most half
 * the instruction tokens of sending them all (the feature's point), counted with o200k_base.
 */
class TargetsDataTest {

    private static final Path ROOT = Path.of("prompts/targets");
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static JsonNode data;

    @BeforeAll
    static void read() throws IOException {
        data = new ObjectMapper().readTree(ROOT.resolve("groups.json").toFile());
    }

    @Test
    void theCategoriesAndGroupsAreTheDesignsInOrder() {
        assertThat(data.get("model_groups").fieldNames()).toIterable()
                .containsExactly("image_generation", "video_generation");
        assertThat(data.at("/model_groups/image_generation").fieldNames()).toIterable()
                .containsExactly("sora", "phoenix", "leonardo", "midjourney", "stable_diffusion");
        assertThat(data.at("/model_groups/video_generation").fieldNames()).toIterable()
                .containsExactly("motion_2_0", "midjourney_animate");
        assertThat(models("image_generation")).hasSize(9);
    }

    @Test
    void everyGroupIsComplete() throws IOException {
        for (var category : data.get("model_groups").properties()) {
            assertThat(ROOT.resolve(category.getKey()).resolve("_shared_instructions.md")).isRegularFile();
            for (var group : category.getValue().properties()) {
                String where = category.getKey() + "/" + group.getKey();
                JsonNode value = group.getValue();
                assertThat(value.path("label").asText()).as(where).isNotBlank();
                assertThat(value.path("description").asText()).as(where).isNotBlank();
                assertThat(value.path("default").isTextual()).as(where).isTrue();
                List<String> models = texts(value.get("models"));
                assertThat(models).as(where).isNotEmpty().doesNotHaveDuplicates();

                String instructions = Files.readString(ROOT.resolve(where + ".md"));
                models.forEach(model -> assertThat(instructions).as(where).contains(model));
                assertThat(instructions).as(where + " is a Qute template: no braces").doesNotContain("{", "}");

                JsonNode schema = new ObjectMapper().readTree(ROOT.resolve(where + ".schema.json").toFile());
                JsonNode prompts = schema.at("/properties/prompts");
                assertThat(texts(prompts.get("required"))).as(where).isEqualTo(models);
                assertThat(prompts.get("properties").fieldNames()).toIterable().as(where)
                        .containsExactlyElementsOf(models);
                prompts.get("properties").forEach(model -> checkStrict(where, model));
            }
        }
    }

    @Test
    void everyModelHasKnownRulesAndValidLimits() {
        var named = new ArrayList<String>();
        data.get("model_groups").forEach(category -> category.forEach(group -> named.addAll(texts(group.get("models")))));
        assertThat(data.get("models").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(named);
        for (String model : named) {
            JsonNode entry = data.at("/models/" + model);
            assertThat(Rulebook.names()).as(model).contains(entry.path("rules").asText());
            var limits = new ModelLimits(entry.path("max_chars").asInt(),
                    entry.has("max_tokens") ? entry.get("max_tokens").asInt() : null);
            var rules = Rulebook.rules(entry.get("rules").asText(), limits, StandInTokens::count);
            if (entry.has("defaults")) {
                var defaults = new java.util.LinkedHashMap<String, Object>();
                entry.get("defaults").properties().forEach(e -> defaults.put(e.getKey(), scalar(e.getValue())));
                var adapted = rules.adapt(new TargetPrompt("A fox in the snow", "", defaults, List.of()),
                        TargetOptions.none());
                assertThat(adapted.parameters()).as(model + " defaults").isEqualTo(defaults);
                assertThat(rules.violations(adapted)).as(model + " defaults").isEmpty();
            }
        }
    }

    @Test
    void oneGroupCostsAtMostHalfOfAllGroups() throws IOException {
        for (var category : data.get("model_groups").properties()) {
            int shared = tokens(category.getKey() + "/_shared_instructions.md");
            int all = shared;
            int largest = 0;
            var sizes = new StringBuilder(category.getKey() + ": shared " + shared);
            for (String group : (Iterable<String>) category.getValue()::fieldNames) {
                int text = tokens(category.getKey() + "/" + group + ".md");
                int schema = tokens(category.getKey() + "/" + group + ".schema.json");
                int size = text + schema;
                sizes.append(", ").append(group).append(' ').append(text).append('+').append(schema);
                all += size;
                largest = Math.max(largest, size);
            }
            System.out.println(sizes.append(" (instructions+schema, o200k_base tokens); all ").append(all));
            if (category.getKey().equals("image_generation")) {
                assertThat(shared + largest).as(sizes.toString()).isLessThanOrEqualTo(all / 2);
            }
        }
    }

    private static int tokens(String file) throws IOException {
        return O200K.countTokens(Files.readString(ROOT.resolve(file)));
    }

    private static void checkStrict(String where, JsonNode schema) {
        if (schema.path("type").asText().equals("object")) {
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(where).isFalse();
            assertThat(texts(schema.get("required"))).as(where)
                    .containsExactlyElementsOf(() -> schema.get("properties").fieldNames());
        } else {
            assertThat(schema.path("type").asText()).as(where).isEqualTo("string");
        }
    }

    private static List<String> models(String category) {
        var models = new ArrayList<String>();
        data.at("/model_groups/" + category).forEach(group -> models.addAll(texts(group.get("models"))));
        return models;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Object scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isInt()) {
            return value.asInt();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return value.asText();
    }
}
