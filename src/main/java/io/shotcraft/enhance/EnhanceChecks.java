package io.shotcraft.enhance;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;
import io.shotcraft.platform.text.Words;

/**
 * The checks of an enhancement the model wrote: one paragraph of text within the word limit (else rejected), which
 * keeps enough of the original's details ({@code shotcraft.enhance.min-faithfulness}); a prompt that lost them is
 * sent back once, naming what it lost.
 */
@Singleton
public class EnhanceChecks extends TaskGuardrail<EnhanceTask.Input, EnhancedPrompt> {

    private final EnhanceConfig config;

    public EnhanceChecks(ObjectMapper json, EnhanceConfig config) {
        super(json);
        this.config = config;
    }

    @Override
    protected Verdict check(EnhanceTask.Input input, EnhancedPrompt answer) {
        var text = tidy(answer.enhanced());
        if (text.isEmpty()) {
            return Verdict.reject("invalid_output", "The model returned an empty prompt");
        }
        int words = Words.count(text);
        if (words > input.maxWords()) {
            return Verdict.reject("invalid_output", "The model's prompt has " + words + " words, over the limit of " + input.maxWords());
        }
        var kept = Faithfulness.of(input.wanted(), text);
        if (kept.score() < config.minFaithfulness()) {
            return Verdict.repair("unfaithful", "Your previous version lost these details of the idea; keep every one of them: "
                    + String.join("; ", kept.lost()));
        }
        return Verdict.ok();
    }

    /** One line of text, as the answer is used. */
    static String tidy(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
