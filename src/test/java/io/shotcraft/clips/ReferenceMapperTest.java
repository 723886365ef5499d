package io.shotcraft.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotcraft.clips.ReferenceImages.ReferenceImage;

/** Scene and character ids to reference images (the design's reference_mapper tests). */
class ReferenceMapperTest {

    private static final String STREET = "https://img.example/street.png";
    private static final String SUBWAY = "https://img.example/subway.png";
    private static final String HER = "https://img.example/her.png";
    private static final String HIM = "https://img.example/him.png";

    private static ClipScript clip(List<String> scenes, List<String> characters) {
        return new ClipScript(0, 0.0, 4.0, "x", null, null, characters, scenes, null, "medium");
    }

    private static ReferenceImage scene(String id, String url) {
        return new ReferenceImage(id, null, url, null, null, null);
    }

    private static ReferenceImage character(String id, String url) {
        return new ReferenceImage(null, id, url, null, null, null);
    }

    private static ReferenceImages references(String status, List<ReferenceImage> scenes, List<ReferenceImage> characters) {
        return new ReferenceImages(null, scenes, characters, null, null, null, status, null);
    }

    private static final ReferenceImages ALL = references("success",
            List.of(scene("street", STREET), scene("subway", SUBWAY)), List.of(character("her", HER), character("him", HIM)));

    @Test
    void fullReferencesMapTheFirstSceneFoundAndEveryCharacter() {
        var mapped = new ReferenceMapper(ALL).map(clip(List.of("nowhere", "subway", "street"), List.of("her", "him")));
        assertThat(mapped.sceneId()).isEqualTo("subway");
        assertThat(mapped.sceneReferenceUrl()).isEqualTo(SUBWAY);
        assertThat(mapped.characterReferenceUrls()).containsExactly(HER, HIM);
        assertThat(mapped.referenceMode()).isEqualTo("scene");
        assertThat(mapped.primaryReferenceUrl()).isEqualTo(SUBWAY);
        assertThat(mapped.coverage()).as("'nowhere' has no image").isEqualTo("partial");
        assertThat(new ReferenceMapper(ALL).map(clip(List.of("street"), List.of("her"))).coverage()).isEqualTo("full");
    }

    @Test
    void withoutASceneImageTheFirstCharacterIsThePrimaryReference() {
        var partial = references("partial", List.of(scene("street", STREET)), List.of(character("him", HIM)));
        var mapped = new ReferenceMapper(partial).map(clip(List.of("subway"), List.of("her", "him")));
        assertThat(mapped.sceneId()).as("the clip's own first scene, though it has no image").isEqualTo("subway");
        assertThat(mapped.sceneReferenceUrl()).isNull();
        assertThat(mapped.characterReferenceUrls()).containsExactly(HIM);
        assertThat(mapped.referenceMode()).isEqualTo("character");
        assertThat(mapped.primaryReferenceUrl()).isEqualTo(HIM);
        assertThat(mapped.coverage()).isEqualTo("partial");
    }

    @Test
    void noReferencesOrAFailedSetGiveTextOnlyClips() {
        for (var mapper : List.of(new ReferenceMapper(null),
                new ReferenceMapper(references("failed", ALL.sceneReferences(), ALL.characterReferences())))) {
            var mapped = mapper.map(clip(List.of("street"), List.of("her")));
            assertThat(mapped.sceneId()).isEqualTo("street");
            assertThat(mapped.sceneReferenceUrl()).isNull();
            assertThat(mapped.characterReferenceUrls()).isEmpty();
            assertThat(mapped.referenceMode()).isEqualTo("text_only");
            assertThat(mapped.primaryReferenceUrl()).isNull();
            assertThat(mapped.coverage()).isEqualTo("none");
        }
    }

    @Test
    void invalidUrlsAreDroppedWithAWarningAndALaterValidImageOfTheSameIdWins() {
        var refs = references("success",
                List.of(scene("street", "ftp://img.example/street.png"), scene("subway", "not a url"), scene("subway", SUBWAY)),
                List.of(character("her", "javascript:alert(1)")));
        var mapped = new ReferenceMapper(refs).map(clip(List.of("street", "subway"), List.of("her")));
        assertThat(mapped.sceneReferenceUrl()).isEqualTo(SUBWAY);
        assertThat(mapped.characterReferenceUrls()).isEmpty();
        assertThat(mapped.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("scene reference 'street'"))
                .anySatisfy(w -> assertThat(w).contains("character reference 'her'"));
        assertThat(ReferenceMapper.isHttpUrl("https://img.example/a.png")).isTrue();
        assertThat(ReferenceMapper.isHttpUrl("HTTP://img.example/a.png")).isTrue();
        assertThat(ReferenceMapper.isHttpUrl("https:///a.png")).isFalse();
        assertThat(ReferenceMapper.isHttpUrl("/relative.png")).isFalse();
    }
}
