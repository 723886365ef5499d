package io.shotcraft.learning.evolve;

import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;

/**
 * The checks of the variants the model wrote ({@link VariantRules}): exactly two, each a non-empty prompt within the
 * length cap, keeping every never-change phrase, differing from the current prompt and from each other. An answer
 * that breaks one is sent back once, told what to fix; if the second answer breaks one too, the offline evolver
 * answers with the reason of the last failure.
 */
@Singleton
public class EvolveChecks extends TaskGuardrail<EvolutionInput, EvolvedPrompts> {

    public EvolveChecks(ObjectMapper json) {
        super(json);
    }

    @Override
    protected Verdict check(EvolutionInput input, EvolvedPrompts answer) {
        var variants = answer.variants();
        if (variants == null || variants.size() != EvolveTask.VARIANTS) {
            return Verdict.repair("invalid_output", "Answer with exactly " + EvolveTask.VARIANTS + " variants, not "
                    + (variants == null ? 0 : variants.size()) + ".");
        }
        for (int i = 0; i < variants.size(); i++) {
            var verdict = check(input, variants.get(i), i + 1);
            if (!verdict.isOk()) {
                return verdict;
            }
        }
        if (VariantRules.same(variants.get(0).improvedPrompt(), variants.get(1).improvedPrompt())) {
            return Verdict.repair("unchanged", "Your two variants are the same prompt; make them differ.");
        }
        return Verdict.ok();
    }

    private static Verdict check(EvolutionInput input, PromptVariant variant, int number) {
        var text = VariantRules.tidy(variant == null ? null : variant.improvedPrompt());
        if (text.isEmpty()) {
            return Verdict.repair("invalid_output",
                    "Variant " + number + " has an empty improved_prompt; write the whole prompt.");
        }
        if (text.length() > input.maxLength()) {
            return Verdict.repair("too_long", "Variant " + number + " has " + text.length()
                    + " characters; keep every improved_prompt within " + input.maxLength() + " characters.");
        }
        var missing = VariantRules.missing(text, input.neverChange());
        if (!missing.isEmpty()) {
            return Verdict.repair("lost_fixed_phrase", "Variant " + number
                    + " dropped phrases that must stay word for word in every variant: "
                    + missing.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ")) + ".");
        }
        if (VariantRules.same(text, input.currentPrompt())) {
            return Verdict.repair("unchanged", "Variant " + number + " is the current prompt unchanged; improve it.");
        }
        return Verdict.ok();
    }
}
