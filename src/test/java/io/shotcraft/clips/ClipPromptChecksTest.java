package io.shotcraft.clips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.Verdict;
import io.shotcraft.clips.offline.ClipContext;
import io.shotcraft.clips.offline.PromptText;

/** The checks every model-written clip prompt passes, and how long plans are split into batches. */
class ClipPromptChecksTest {

    private static final List<String> KEYWORDS = List.of("cyberpunk", "neo-noir", "melancholic", "neon", "cinematic");
    private static final String GOOD = "A woman walks through a cyberpunk street under neon signs, slow tracking shot.";

    private static ClipBase base(int index) {
        var script = new ClipScript(index, index * 4.0, index * 4.0 + 4, "She walks", null, null, List.of(), List.of(), null, "low");
        var refs = new ClipReferences(null, List.of(), null, List.of(), "text_only", null, "none", List.of());
        var context = new ClipContext(index, "She walks", null, null, "low", null, List.of(), null, null, null, null, null,
                KEYWORDS, false, false, null, 40);
        return new ClipBase(script, refs, context, "Template prompt of clip " + index, null);
    }

    @Test
    void aPromptThatKeepsTheRulesIsTheModels() {
        var draft = ClipPromptOptimizer.check(base(0), GOOD, KEYWORDS, 40);
        assertThat(draft.llm()).isTrue();
        assertThat(draft.prompt()).isEqualTo(GOOD);
    }

    @Test
    void eachBrokenRuleKeepsTheTemplateAndNamesTheRule() {
        assertThat(ClipPromptOptimizer.check(base(0), null, KEYWORDS, 40).fallbackReason()).isEqualTo("missing");
        assertThat(ClipPromptOptimizer.check(base(0), "  ", KEYWORDS, 40).fallbackReason()).isEqualTo("empty");
        assertThat(ClipPromptOptimizer.check(base(0), GOOD + " See https://img.example/a.png", KEYWORDS, 40).fallbackReason())
                .isEqualTo("contains_url");
        assertThat(ClipPromptOptimizer.check(base(0), "Shots:\n1. " + GOOD + "\n2. " + GOOD, KEYWORDS, 40).fallbackReason())
                .isEqualTo("list_format");
        assertThat(ClipPromptOptimizer.check(base(0), "Shot 1: " + GOOD, KEYWORDS, 40).fallbackReason()).isEqualTo("list_format");
        var tooLong = ClipPromptOptimizer.check(base(0), GOOD + " word".repeat(40), KEYWORDS, 40);
        assertThat(tooLong.fallbackReason()).isEqualTo("over_word_limit");
        assertThat(tooLong.llm()).isFalse();
        assertThat(tooLong.prompt()).isEqualTo("Template prompt of clip 0");
    }

    @Test
    void aPromptMissingTheStyleKeywordsGetsThemWovenIn() {
        var draft = ClipPromptOptimizer.check(base(0), "A woman walks through a rainy street at night.", KEYWORDS, 40);
        assertThat(draft.llm()).isTrue();
        assertThat(draft.prompt()).startsWith("A woman walks through a rainy street at night").contains("cyberpunk");
        assertThat(PromptText.mentioned(draft.prompt(), KEYWORDS)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anAnswerWithNoUsableClipIsRefusedWhole() throws Exception {
        var batch = new ClipPromptOptimizer.Batch(List.of(base(0), base(1)), null, KEYWORDS, 40, "[]");
        var checks = new ClipChecks(new ObjectMapper());
        var none = new ClipPromptBatch(List.of(new ClipPromptBatch.ClipText(7, GOOD)));
        var verdict = checks.check(batch, none);
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(verdict.reason()).isEqualTo("invalid_output");
        var partly = new ClipPromptBatch(List.of(new ClipPromptBatch.ClipText(1, GOOD),
                new ClipPromptBatch.ClipText(1, "a second answer for clip 1 is ignored")));
        assertThat(checks.check(batch, partly).isOk()).isTrue();
        var drafts = ClipPromptOptimizer.drafts(partly, batch);
        assertThat(drafts).extracting(ClipDraft::llm).containsExactly(false, true);
        assertThat(drafts.get(1).prompt()).isEqualTo(GOOD);
    }

    @Test
    void aPromptThatSaysNothingOfItsClipIsRejected() {
        var other = "A red sports car drifts around a mountain bend in cyberpunk neon, drone shot.";
        var draft = ClipPromptOptimizer.check(base(0), other, KEYWORDS, 40);
        assertThat(draft.llm()).isFalse();
        assertThat(draft.fallbackReason()).isEqualTo("mismatched");
        assertThat(draft.prompt()).isEqualTo("Template prompt of clip 0");
        assertThat(ClipPromptOptimizer.check(base(0), "She is walking slowly under cyberpunk neon.", KEYWORDS, 40).llm())
                .as("inflections of the clip's words count").isTrue();
    }

    @Test
    void longPlansSplitIntoBatchesOfNearlyEqualSize() {
        var bases = new ArrayList<ClipBase>();
        IntStream.range(0, 61).forEach(i -> bases.add(base(i)));
        assertThat(ClipPromptService.batches(bases.subList(0, 15), 20)).extracting(List::size).containsExactly(15);
        assertThat(ClipPromptService.batches(bases.subList(0, 20), 20)).extracting(List::size).containsExactly(20);
        assertThat(ClipPromptService.batches(bases.subList(0, 60), 20)).extracting(List::size).containsExactly(20, 20, 20);
        assertThat(ClipPromptService.batches(bases, 20)).extracting(List::size).containsExactly(16, 15, 15, 15);
        var flattened = ClipPromptService.batches(bases, 20).stream().flatMap(List::stream).map(ClipBase::index).toList();
        assertThat(flattened).isEqualTo(IntStream.range(0, 61).boxed().toList());
    }
}
