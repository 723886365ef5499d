package io.shotcraft.demo;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;

/** A caption must name the scene's first word; one without tags is sent back once. */
@Singleton
public class CaptionChecks extends TaskGuardrail<String, Caption> {

    public CaptionChecks(ObjectMapper json) {
        super(json);
    }

    @Override
    protected Verdict check(String scene, Caption answer) {
        if (answer.captionText() == null || answer.captionText().isBlank()) {
            return Verdict.reject("invalid_output", "no caption");
        }
        if (answer.tags() == null || answer.tags().isEmpty()) {
            return Verdict.repair("untagged", "Give the caption at least one tag.");
        }
        return Verdict.ok();
    }
}
