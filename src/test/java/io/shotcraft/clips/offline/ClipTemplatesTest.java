package io.shotcraft.clips.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.shotcraft.platform.text.Words;

/** The template engine's prompts (the design's prompt_synthesizer tests) and the shared negative prompt. */
class ClipTemplatesTest {

    private static final List<String> KEYWORDS = List.of("cyberpunk", "neo-noir", "melancholic", "neon", "tracking shots");

    private static ClipContext clip(String description, String motion, String camera, String beat, int maxWords) {
        return new ClipContext(0, description, motion, camera, beat, "Rain-slicked street with neon signs",
                List.of("Young woman in a silver jacket"), "cyberpunk neo-noir", "melancholic", "neon lighting",
                "slow tracking shots", ColorNames.summarize(List.of("#00FFFF", "#FF00FF")), KEYWORDS, true, true, null, maxWords);
    }

    @Test
    void thePromptHasEveryElementInTheDesignsOrder() {
        var prompt = ClipTemplates.build(clip("A lone woman walks toward camera.", "slow forward walk", "low angle shot", "medium", 200));
        var order = List.of("A lone woman walks toward camera", "set in a rain-slicked street", "featuring a young woman",
                "slow forward walk", "low angle shot", "in a cyberpunk neo-noir style that feels melancholic",
                "cyan and magenta color palette", "neon lighting", ClipTemplates.QUALITY, ClipTemplates.CHARACTER_HINT);
        int at = -1;
        for (var part : order) {
            int next = prompt.indexOf(part);
            assertThat(next).as("'%s' after the previous element in: %s", part, prompt).isGreaterThan(at);
            at = next;
        }
        assertThat(prompt).contains(ClipTemplates.SCENE_HINT).doesNotContain("http").doesNotContain("..");
        assertThat(prompt).doesNotContain("camera., ").startsWith("A lone woman walks toward camera,");
    }

    @ParameterizedTest
    @CsvSource({ "high, dynamic tracking shot, handheld camera", "medium, smooth tracking shot",
            "low, 'static camera, slow subtle movement'" })
    void missingMotionAndCameraTakeTheBeatsDefault(String beat, String expected) {
        var prompt = ClipTemplates.build(clip("She runs", null, "", beat, 200));
        assertThat(prompt).contains("She runs, set in").contains(expected);
        assertThat(prompt.indexOf(expected)).isEqualTo(prompt.lastIndexOf(expected));
    }

    @Test
    void aGivenMotionIsPacedByTheBeatUnlessItAlreadySaysSo() {
        assertThat(ClipTemplates.build(clip("She turns", "head turn", "close-up", "high", 200))).contains("head turn, fast and energetic");
        assertThat(ClipTemplates.build(clip("She turns", "quick head turn", "close-up", "high", 200))).doesNotContain("fast and energetic");
        assertThat(ClipTemplates.build(clip("She waits", "hair moving", "close-up", "low", 200))).contains("hair moving, slow and calm");
        assertThat(ClipTemplates.build(clip("She turns", "head turn", "close-up", "high", 200)))
                .as("a given camera is kept, with no default added").doesNotContain("dynamic tracking shot");
    }

    @Test
    void anEmptyDescriptionFallsBackToAWideShot() {
        assertThat(ClipTemplates.build(clip("  ", "slow push in", "close-up", "low", 200)))
                .startsWith(ClipTemplates.FALLBACK_DESCRIPTION + ",");
        assertThat(ClipTemplates.build(clip(null, "slow push in", "close-up", "low", 200)))
                .startsWith(ClipTemplates.FALLBACK_DESCRIPTION + ",");
    }

    @Test
    void theStyleKeywordsCloseThePromptWhenTheStyleDoesNotNameThem() {
        var context = new ClipContext(0, "A dancer spins", "spin", "wide shot", "medium", null, List.of(), null, null, null, null,
                "", KEYWORDS, false, false, null, 200);
        var prompt = ClipTemplates.build(context);
        assertThat(prompt).endsWith(".").contains("in a cyberpunk neo-noir style");
        assertThat(PromptText.mentioned(prompt, KEYWORDS)).isGreaterThanOrEqualTo(2);
        assertThat(prompt).doesNotContain(ClipTemplates.SCENE_HINT).doesNotContain(ClipTemplates.CHARACTER_HINT);
    }

    @Test
    void aPalettesPaddingKeywordsReadAsPhrasesNotAsAStyle() {
        var keywords = StyleKeywords.extract("cyberpunk", "melancholic", null, null, List.of("#00FFFF", "#FF00FF"));
        assertThat(keywords).contains("saturated colors");
        var context = new ClipContext(0, "A woman walks", "walk", "wide shot", "medium", null, List.of(), "cyberpunk", "melancholic",
                null, null, ColorNames.summarize(List.of("#00FFFF", "#FF00FF")), keywords, false, false, null, 200);
        assertThat(ClipTemplates.build(context)).doesNotContain("colors style").contains("with saturated colors");
    }

    @Test
    void aLongPromptLosesItsLeastImportantPartsBeforeBeingCut() {
        var prompt = ClipTemplates.build(clip("A lone woman walks toward camera", "slow forward walk", "low angle shot", "medium", 40));
        assertThat(Words.count(prompt)).isLessThanOrEqualTo(40);
        assertThat(prompt).startsWith("A lone woman walks toward camera").contains("slow forward walk").contains("low angle shot")
                .doesNotContain("4K");
    }

    @Test
    void essentialsLongerThanTheLimitAreCutToItWithAnEllipsis() {
        var description = "word ".repeat(60).strip();
        var prompt = ClipTemplates.build(clip(description, "slow walk", "wide", "medium", 30));
        assertThat(Words.count(prompt)).isEqualTo(30);
        assertThat(prompt).endsWith("...");
    }

    @Test
    void theContinuityOfTheSceneIsCarriedFromThePreviousShot() {
        var context = new ClipContext(1, "She turns back", "turn", "close-up", "medium", null, List.of(), null, null, null, null,
                null, KEYWORDS, false, false, "A lone woman walks toward camera", 200);
        assertThat(ClipTemplates.build(context)).contains("continuing from the previous shot where a lone woman walks toward camera");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "rooftop above the city|a rooftop above the city", "empty subway car|an empty subway car",
            "the old pier|the old pier", "neon signs everywhere|neon signs everywhere", "Tokyo at night|Tokyo at night",
            "two dancers|two dancers" })
    void descriptionsReadAsNounPhrases(String description, String expected) {
        assertThat(ClipTemplates.withArticle(description)).isEqualTo(expected);
    }

    @Test
    void theNegativePromptHasTheDesignsBannedTokensNormalised() {
        var negative = NegativePrompts.forStyle("bright pop", "playful", List.of("pop", "playful"));
        assertThat(negative.split(", ")).contains(NegativePrompts.BANNED.toArray(String[]::new)).contains("dull colors", "underexposed")
                .isSorted().doesNotHaveDuplicates();
        assertThat(NegativePrompts.forStyle("photorealistic documentary", "calm", List.of("photorealistic")))
                .contains("cartoon").contains("anime").contains("illustration");
        assertThat(NegativePrompts.forStyle("cyberpunk", "dark", List.of("cyberpunk", "dark"))).contains("overexposed");
        assertThat(NegativePrompts.forStyle("synthwave", "euphoric", List.of("synthwave")).split(", "))
                .containsExactlyElementsOf(NegativePrompts.BANNED.stream().sorted().toList());
        assertThat(NegativePrompts.normalize(" Blurry,text , blurry,,  LOW   quality ")).isEqualTo("blurry, low quality, text");
    }

    @Test
    void urlsAndListsAreRecognised() {
        assertThat(PromptText.hasUrl("see https://x.example/a.png now")).isTrue();
        assertThat(PromptText.hasUrl("a www.example.com sign")).isTrue();
        assertThat(PromptText.hasUrl("a neon sign reading open")).isFalse();
        assertThat(PromptText.withoutUrls("match https://x.example/a.png , then")).isEqualTo("match, then");
        assertThat(PromptText.truncate("one two three four", 2)).isEqualTo("one two...");
        assertThat(PromptText.truncate("one, two, three", 2)).isEqualTo("one, two...");
        assertThat(PromptText.mentions("high contrast neon glow", "high-contrast")).isTrue();
        assertThat(PromptText.mentions("neonlit", "neon")).isFalse();
    }
}
