package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StableDiffusionRulesTest {

    private final ModelRules rules = Rulebook.rules("stable_diffusion", new ModelLimits(2000, 225),
            StandInTokens::count);

    /** A prompt of {@code words} distinct words in comma-separated groups of five: one stand-in token each, plus commas. */
    private static String words(int words) {
        return IntStream.range(0, words).mapToObj(i -> "w" + i + (i % 5 == 4 ? "," : ""))
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "masterpiece, best quality, 1girl, (red hair:1.2), school uniform, cherry blossoms, ((masterpiece))",
            "a photo of a cat on a windowsill, [blurry], soft light, (bokeh:0.8)",
            "portrait, (freckles:1.1), \\(cosplay\\), studio lighting",
            "landscape, mountains, lake BREAK sunrise, mist, (golden hour:1.3)" })
    void realPromptsPass(String prompt) {
        assertThat(rules.violations(new TargetPrompt(prompt, "lowres, (bad hands:1.4)", Map.of(), List.of())))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a knight, (bad:7)|weight out of range",
            "a knight, (shining armor:0.05)|weight out of range",
            "a knight, (shining armor|unbalanced brackets",
            "a knight, shining armor)|unbalanced brackets",
            "a knight, [shining armor)|unbalanced brackets",
            "a knight, (shining armor:)|malformed weight",
            "a knight, ((((((((armor))))))))|weight out of range",
            "a knight BREAK BREAK a dragon|empty chunk",
            "a knight --ar 16:9|no flags",
            "a knight. Negative prompt: blurry|negative prompt separate" })
    void brokenPromptsAreNamed(String prompt, String rule) {
        assertThat(rules.violations(TargetPrompt.of(prompt))).anyMatch(v -> v.startsWith(rule));
    }

    @Test
    void aLongPromptWithoutBreakOverflowsTheWindow() {
        String prompt = words(100);
        assertThat(StandInTokens.count(prompt)).isEqualTo(120);
        assertThat(rules.violations(TargetPrompt.of(prompt))).singleElement().asString().startsWith("token window");
    }

    @Test
    void breakChunksWithinTheWindowPass() {
        String prompt = words(50) + " BREAK " + words(50);
        assertThat(rules.violations(TargetPrompt.of(prompt))).isEmpty();
    }

    @Test
    void theTokenLimitCountsEveryChunk() {
        String prompt = String.join(" BREAK ", List.of(words(60), words(60), words(60), words(60)));
        assertThat(rules.violations(TargetPrompt.of(prompt))).anyMatch(v -> v.startsWith("too long"));
    }

    @Test
    void adaptSplitsALongPromptIntoChunksAtCommas() {
        var adapted = rules.adapt(TargetPrompt.of(words(100)), TargetOptions.none());
        var chunks = adapted.prompt().split(" BREAK ");
        assertThat(chunks).hasSizeGreaterThan(1);
        for (String chunk : chunks) {
            assertThat(StandInTokens.count(chunk)).isLessThanOrEqualTo(75);
            assertThat(chunk).doesNotEndWith(",");
        }
        assertThat(adapted.warnings()).anyMatch(w -> w.contains("BREAK"));
        assertThat(rules.violations(adapted)).isEmpty();
    }

    @Test
    void adaptRepairsWeightsBracketsAndMovesTheNegativePrompt() {
        var answer = TargetPrompt.of("a knight, (bad:7), (shining armor --ar 16:9. Negative prompt: blurry, lowres");
        var adapted = rules.adapt(answer, new TargetOptions("16:9", 5L, null, Map.of("steps", "40")));
        assertThat(adapted.prompt()).isEqualTo("a knight, (bad:2.0), shining armor");
        assertThat(adapted.negativePrompt()).isEqualTo("blurry, lowres");
        assertThat(adapted.parameters()).containsExactly(Map.entry("width", 1344), Map.entry("height", 768),
                Map.entry("seed", 5L), Map.entry("steps", 40));
        assertThat(rules.violations(adapted)).isEmpty();
    }

    @Test
    void parametersAreChecked() {
        var prompt = new TargetPrompt("a knight", "", Map.of("cfg_scale", 45.0, "sampler", "euler"), List.of());
        assertThat(rules.violations(prompt)).anyMatch(v -> v.startsWith("bad value: cfg_scale"))
                .anyMatch(v -> v.startsWith("unknown parameter"));
    }

    @Test
    void theWeightRangeIsConfigurable() {
        var strict = new StableDiffusionRules(new ModelLimits(2000, null), StandInTokens::count, 0.5, 1.5);
        assertThat(strict.violations(TargetPrompt.of("a knight, (armor:1.8)"))).isNotEmpty();
        assertThat(rules.violations(TargetPrompt.of("a knight, (armor:1.8)"))).isEmpty();
    }
}
