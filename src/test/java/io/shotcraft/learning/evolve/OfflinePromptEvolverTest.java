package io.shotcraft.learning.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OfflinePromptEvolverTest {

    private static final String CURRENT = "photorealistic interior render, exact room layout, oak floor, 8k, soft window light";
    private static final List<ScoredVersion> HISTORY = List.of(
            new ScoredVersion("v1", "photorealistic interior render, exact room layout, oak floor, soft window light, sharp focus",
                    4.2, 6),
            new ScoredVersion("v2", "interior render, exact room layout, oak floor, 8k, cartoon style", 2.0, 5),
            new ScoredVersion("v0", "never rated, 8k", null, 0));
    private static final List<String> FIXED = List.of("exact room layout", "Oak Floor");

    private final OfflinePromptEvolver evolver = new OfflinePromptEvolver();

    private static EvolutionInput input(String prompt, List<String> issues, List<String> praised, List<ScoredVersion> history,
            List<String> neverChange, int maxLength) {
        return new EvolutionInput("v3", prompt, "cartoon, blurry", 3.0, issues, praised, history, neverChange, maxLength);
    }

    @Test
    void twoDifferentVariantsThatKeepTheFixedPhrasesDropLowRatedTermsAndAnswerTheIssues() {
        var variants = evolver.evolve(input(CURRENT, List.of("flat", "blurry"), List.of(), HISTORY, FIXED, 300)).variants();
        assertThat(variants).hasSize(2);
        var focused = variants.get(0);
        var bold = variants.get(1);
        assertThat(focused.improvedPrompt())
                .isEqualTo("photorealistic interior render, exact room layout, oak floor, soft window light, depth of field, sharp focus");
        assertThat(focused.changes()).contains("removed \"8k\": only low-rated versions had it",
                "added \"depth of field\" for depth", "added \"sharp focus\" for sharpness");
        assertThat(bold.improvedPrompt()).contains("sharp focus", "volumetric lighting").doesNotContain("8k");
        assertThat(bold.changes()).contains("restored \"sharp focus\" from a high-rated version");
        for (var variant : variants) {
            assertThat(VariantRules.missing(variant.improvedPrompt(), FIXED)).isEmpty();
            assertThat(variant.improvedPrompt()).isNotEqualToIgnoringCase(CURRENT).doesNotContain("8k");
            assertThat(variant.reasoning()).startsWith("Offline evolution from the ratings of 3 versions (1 high-rated, 1 low-rated)");
            assertThat(variant.expectedImprovement()).isEqualTo("Fewer complaints about depth, sharpness.");
        }
        assertThat(focused.improvedPrompt()).isNotEqualTo(bold.improvedPrompt());
    }

    @Test
    void theSameInputGivesTheSameVariants() {
        var input = input(CURRENT, List.of("too dark", "fake"), List.of("layout"), HISTORY, FIXED, 200);
        assertThat(evolver.evolve(input)).isEqualTo(evolver.evolve(input));
    }

    @Test
    void everyVariantFitsTheLengthCapAndStillKeepsTheFixedPhrases() {
        var input = input(CURRENT, List.of("flat", "blurry", "noisy"), List.of(), HISTORY, FIXED, 60);
        for (var variant : evolver.evolve(input).variants()) {
            assertThat(variant.improvedPrompt().length()).isLessThanOrEqualTo(60);
            assertThat(VariantRules.missing(variant.improvedPrompt(), FIXED)).isEmpty();
        }
    }

    @Test
    void aPromptOverTheCapLosesItsLastRemovableTermsFirst() {
        var variant = evolver.evolve(input(CURRENT, List.of(), List.of(), List.of(), FIXED, 65)).variants().getFirst();
        assertThat(variant.improvedPrompt()).isEqualTo("photorealistic interior render, exact room layout, oak floor, 8k");
        assertThat(variant.changes()).containsExactly("removed \"soft window light\" to fit 65 characters");

        var tight = evolver.evolve(input(CURRENT, List.of(), List.of(), List.of(), FIXED, 30)).variants().getFirst();
        assertThat(tight.improvedPrompt()).as("the fixed phrases stay, whatever else goes")
                .isEqualTo("exact room layout, oak floor");
    }

    @Test
    void aFixedPhraseThePromptLacksIsAdded() {
        var variants = evolver.evolve(input(CURRENT, List.of(), List.of(), HISTORY, List.of("exact materials"), 300)).variants();
        for (var variant : variants) {
            assertThat(variant.improvedPrompt()).startsWith("exact materials, ");
            assertThat(variant.changes()).contains("added \"exact materials\": it must stay in every variant");
        }
    }

    @Test
    void praiseKeepsATermOnlyLowRatedVersionsHad() {
        var variant = evolver.evolve(input(CURRENT, List.of(), List.of("the 8k detail"), HISTORY, FIXED, 300)).variants().getFirst();
        assertThat(variant.improvedPrompt()).contains("8k");
    }

    @Test
    void withoutAHighRatedVersionNothingIsDropped() {
        var lowOnly = List.of(new ScoredVersion("v2", "interior render, 8k", 2.0, 5));
        var variant = evolver.evolve(input(CURRENT, List.of(), List.of(), lowOnly, FIXED, 300)).variants().getFirst();
        assertThat(variant.improvedPrompt()).contains("8k");
    }

    @Test
    void withNoHistoryAndNoIssuesGeneralTermsMakeTwoNewVariants() {
        var variants = evolver.evolve(input("a cosy living room, exact room layout, oak floor", List.of(), List.of(), List.of(),
                FIXED, 300)).variants();
        assertThat(variants.get(0).improvedPrompt()).isEqualTo("a cosy living room, exact room layout, oak floor, photorealistic");
        assertThat(variants.get(1).improvedPrompt()).isNotEqualTo(variants.get(0).improvedPrompt())
                .startsWith("a cosy living room, exact room layout, oak floor, ");
        assertThat(variants.get(0).expectedImprovement()).startsWith("More photorealism");
    }
}
