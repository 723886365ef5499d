package io.shotcraft.enhance;

import java.util.ArrayList;
import java.util.List;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;

/**
 * How much of what the user asked for survives an enhancement: the share of the original prompt's
 * parameter values (found by the offline parameter extractor) that the enhanced prompt still mentions, and the ones it
 * lost. A prompt with no recognisable parameters scores 1.
 */
public record Faithfulness(double score, List<String> lost) {

    static Faithfulness of(List<Parameter> originalParameters, String enhanced) {
        if (originalParameters.isEmpty()) {
            return new Faithfulness(1.0, List.of());
        }
        List<String> lost = new ArrayList<>();
        for (var parameter : originalParameters) {
            if (!Mentions.mentions(enhanced, parameter.value())) {
                lost.add(parameter.value());
            }
        }
        double kept = originalParameters.size() - lost.size();
        return new Faithfulness(Math.round(kept / originalParameters.size() * 1000) / 1000.0, List.copyOf(lost));
    }
}
