package io.shotcraft.clips.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class StyleKeywordsTest {

    private static List<String> cyberpunk() {
        return StyleKeywords.extract("Cyberpunk aesthetic, neo-noir", "dark and moody, melancholic",
                "neon-lit streets, high contrast", "handheld camera, 35mm film grain, slow tracking shots",
                List.of("#00FFFF", "#FF00FF", "#1A1A2E"));
    }

    private static List<String> brightPop() {
        return StyleKeywords.extract("Bright pop", "joyful, energetic", "bright, high-key", "fast cuts, wide shots",
                List.of("#FF69B4", "#FFD700", "#00BFFF"));
    }

    private static List<String> darkMoody() {
        return StyleKeywords.extract("dark moody", "brooding, mysterious", "low-key lighting with deep shadows",
                "static wide shots, shallow depth of field", List.of("#1A1A2E", "#2F4F4F", "#0D0D0D"));
    }

    @Test
    void cyberpunkStyleIsCanonicalised() {
        assertThat(cyberpunk()).containsExactly("cyberpunk", "neo-noir", "moody", "melancholic", "neon",
                "high-contrast", "handheld", "film grain", "tracking shots");
    }

    @Test
    void brightPopStyleIsPaddedWithThePalettesFeel() {
        assertThat(brightPop()).containsExactly("pop", "joyful", "energetic", "bright", "high-key", "fast cuts",
                "wide shots", "vibrant");
    }

    @Test
    void darkMoodyStyle() {
        assertThat(darkMoody()).containsExactly("dark", "moody", "brooding", "mysterious", "low-key",
                "chiaroscuro", "static shots", "wide shots", "shallow depth of field");
    }

    @Test
    void everyStyleGivesFiveToTenLowerCaseDistinctKeywords() {
        for (List<String> keywords : List.of(cyberpunk(), brightPop(), darkMoody(),
                StyleKeywords.extract(null, null, null, null, null),
                StyleKeywords.extract("watercolor aesthetic", "", " ", null, List.of("#FFD1DC", "#E6E6FA")))) {
            assertThat(keywords).hasSizeBetween(5, 10).doesNotHaveDuplicates()
                    .allSatisfy(k -> assertThat(k).isEqualTo(k.toLowerCase(Locale.ROOT)).isNotBlank());
        }
    }

    @Test
    void spellingsOfOneIdeaBecomeOneKeyword() {
        List<String> keywords = StyleKeywords.extract("cyber-punk, Cyberpunk aesthetic, CYBERPUNK", "moody",
                "neon lights, neon-lit", "handheld camera, hand-held", null);
        assertThat(keywords).startsWith("cyberpunk", "moody", "neon", "handheld");
        assertThat(keywords).filteredOn("cyberpunk"::equals).hasSize(1);
    }

    @Test
    void neverMoreThanTenAndAtMostThreePerField() {
        List<String> keywords = StyleKeywords.extract("cyberpunk synthwave vaporwave glitch retro gothic",
                "moody melancholic hopeful euphoric dreamy", "neon strobe backlit volumetric",
                "handheld slow motion film grain anamorphic dutch angle", List.of("#00FFFF", "#FF00FF"));
        assertThat(keywords).hasSize(10).startsWith("cyberpunk", "synthwave", "vaporwave", "moody", "melancholic",
                "hopeful", "neon", "strobe", "backlit", "handheld");
    }

    @Test
    void padsSparseStylesFromThePalette() {
        assertThat(StyleKeywords.extract("watercolor aesthetic", null, null, null, List.of("#FFD1DC", "#E6E6FA")))
                .containsExactly("watercolor", "pastel", "soft", "airy", "cinematic");
        assertThat(StyleKeywords.extract(null, null, null, null, null))
                .containsExactly("cinematic", "atmospheric", "expressive", "detailed", "polished");
    }

    @Test
    void extractionIsDeterministic() {
        assertThat(cyberpunk()).isEqualTo(cyberpunk());
        assertThat(darkMoody()).isEqualTo(darkMoody());
    }

    @Test
    void applyWeavesKeywordsIntoOneClosingPhrase() {
        assertThat(StyleKeywords.apply("A lone figure walks through rain-slicked streets at night.", cyberpunk()))
                .isEqualTo("A lone figure walks through rain-slicked streets at night, in a cyberpunk neo-noir style "
                        + "with neon lighting and handheld camerawork.");
        assertThat(StyleKeywords.apply("Dancers spin on a rooftop", brightPop()))
                .isEqualTo("Dancers spin on a rooftop, in a pop joyful style with bright lighting and fast cuts.");
    }

    @Test
    void applyDoesNotRepeatWhatThePromptSays() {
        String prompt = "A neon sign flickers in a Cyberpunk alley, high contrast";
        String applied = StyleKeywords.apply(prompt, cyberpunk());
        assertThat(applied).isEqualTo(prompt + ", in a neo-noir moody style with handheld camerawork.");
        assertThat(applied.split("(?i)cyberpunk", -1)).hasSize(2);
        assertThat(applied.split("(?i)neon", -1)).hasSize(2);
    }

    @Test
    void applyAddsTwoToFourKeywordsAndEndsWithOnePeriod() {
        for (List<String> keywords : List.of(cyberpunk(), brightPop(), darkMoody())) {
            String applied = StyleKeywords.apply("A car speeds down an empty highway...", keywords);
            assertThat(applied).startsWith("A car speeds down an empty highway, ").endsWith(".").doesNotEndWith("..");
            long added = keywords.stream().filter(k -> applied.contains(k)).count();
            assertThat(added).isBetween(2L, 4L);
        }
    }

    @Test
    void applyWithNothingToAddLeavesThePromptAlone() {
        assertThat(StyleKeywords.apply("A quiet beach at dawn.", List.of())).isEqualTo("A quiet beach at dawn.");
        assertThat(StyleKeywords.apply("A quiet beach at dawn.", null)).isEqualTo("A quiet beach at dawn.");
        assertThat(StyleKeywords.apply("A moody neon beach.", List.of("moody", "neon"))).isEqualTo("A moody neon beach.");
    }

    @Test
    void applyFallsBackToRemainingKeywordsOfOneKind() {
        assertThat(StyleKeywords.apply("A street", List.of("neon", "high-contrast")))
                .isEqualTo("A street, with neon and high-contrast lighting.");
    }
}
