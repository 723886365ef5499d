package io.shotcraft.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The catalog read from the data files: the product's groups as the design lists them, a further location adding a
 * group, and bad files refused with a message naming the file. Plain JUnit: no service is started.
 */
class TargetCatalogTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROOT = "prompts/targets";

    /** The classpath's files, some replaced or removed ({@code null}) for a test. */
    static Function<String, String> files(Map<String, String> changed) {
        return path -> changed.containsKey(path) ? changed.get(path) : classpath(path);
    }

    static String classpath(String path) {
        try (InputStream in = TargetCatalogTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TargetCatalog load(Map<String, String> changed, String... locations) {
        return TargetCatalog.load(locations.length == 0 ? List.of(ROOT) : List.of(locations), files(changed), JSON,
                text -> text.split("\\s+").length);
    }

    @Test
    void theProductsGroupsAreTheDesigns() {
        var catalog = load(Map.of());
        assertThat(catalog.categories()).extracting(TargetCategory::name).containsExactly("image_generation", "video_generation");
        var image = catalog.category("image_generation");
        assertThat(image.groups()).extracting(TargetGroup::name)
                .containsExactly("sora", "phoenix", "leonardo", "midjourney", "stable_diffusion");
        assertThat(image.groups()).flatExtracting(TargetGroup::models).containsExactly("SORA_2_A", "SORA_1_A", "PHOENIX_1_0_A",
                "LEONARDO_ANIME_XL_A", "MIDJOURNEY_A", "MIDJOURNEY_B", "SD_A", "SD_B", "SD_C");
        assertThat(catalog.category("video_generation").groups()).extracting(TargetGroup::name)
                .containsExactly("motion_2_0", "midjourney_animate");
        for (var group : image.groups()) {
            assertThat(group.instructions()).as(group.name()).isNotBlank();
            for (var model : group.models()) {
                assertThat(group.instructions()).as("%s's instructions name %s", group.name(), model).contains(model);
                assertThat(catalog.model(model).group()).isEqualTo(group.name());
            }
        }
        assertThat(catalog.files()).contains(ROOT + "/groups.json", ROOT + "/image_generation/_shared_instructions.md",
                ROOT + "/image_generation/sora.md", ROOT + "/image_generation/sora.schema.json");
    }

    @Test
    void aFurtherLocationAddsAGroupAndItsModel() {
        var catalog = load(Map.of(), ROOT, "targets-extra");
        var image = catalog.category("image_generation");
        assertThat(image.groups()).extracting(TargetGroup::name).endsWith("stable_diffusion", "flux");
        assertThat(image.group("flux").number()).isEqualTo(6);
        assertThat(catalog.model("FLUX_1_DEV_A").defaults()).containsEntry("guidance", 3.5);
        assertThat(image.sharedInstructions()).isEqualTo(load(Map.of()).category("image_generation").sharedInstructions());
    }

    @Test
    void badFilesAreRefusedNamingTheFile() {
        var schema = ROOT + "/image_generation/sora.schema.json";
        var groups = ROOT + "/groups.json";
        var text = classpath(groups);

        assertThatThrownBy(() -> load(Map.of(groups, "{ not json")))
                .hasMessageContaining(groups).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> load(new HashMap<>(Map.of()) {
            {
                put(ROOT + "/image_generation/phoenix.md", null);
            }
        })).hasMessageContaining(ROOT + "/image_generation/phoenix.md");
        assertThatThrownBy(() -> load(Map.of(schema, classpath(schema).replace("\"SORA_1_A\"", "\"SORA_9_A\""))))
                .hasMessageContaining(schema);
        assertThatThrownBy(() -> load(Map.of(schema, "{\"properties\": {}}")))
                .hasMessageContaining(schema).hasMessageContaining("properties.prompts.properties");
        assertThatThrownBy(() -> load(Map.of(groups, text.replaceFirst("\"rules\"\\s*:\\s*\"sora\"", "\"rules\": \"dalle\""))))
                .hasMessageContaining(groups).hasMessageContaining("dalle");
        assertThatThrownBy(() -> load(Map.of(groups, text.replaceFirst("\"SD_C\"", "\"SD_B\""))))
                .hasMessageContaining(groups).hasMessageContaining("SD_B");
        assertThatThrownBy(() -> load(Map.of(groups, text.replaceFirst("\"label\"\\s*:\\s*\"[^\"]*\"", "\"label\": \"\""))))
                .hasMessageContaining(groups).hasMessageContaining("label");
        assertThatThrownBy(() -> load(Map.of(groups, text.replace("\"stylize\": \"250\"", "\"stylize\": \"5000\""))))
                .hasMessageContaining(groups).hasMessageContaining("MIDJOURNEY_A").hasMessageContaining("stylize");
        assertThatThrownBy(() -> load(Map.of(), ROOT, "no-such-folder"))
                .hasMessageContaining("no-such-folder/groups.json").hasMessageContaining("missing");
    }
}
