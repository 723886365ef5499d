package io.shotcraft.targets;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;
import io.shotcraft.targets.rules.TargetPrompt;

/**
 * The targets answer's checks: every selected model has a prompt that, once normalised by its model's adapter, obeys
 * its model's rules. When one does not, the model is asked once to repair those prompts; the second answer is taken
 * as it is, and the service replaces what still breaks a rule by that model's offline prompt, keeping the others.
 */
@Singleton
public class TargetChecks extends TaskGuardrail<TargetsTask.Input, TargetAnswer> {

    static final String REASON = "model_rules";

    private final TargetCatalog catalog;

    public TargetChecks(ObjectMapper json, TargetCatalog catalog) {
        super(json);
        this.catalog = catalog;
    }

    @Override
    protected Verdict check(TargetsTask.Input input, TargetAnswer answer) {
        if (afterRepair()) {
            return Verdict.ok();
        }
        var broken = new ArrayList<String>();
        for (var id : input.models()) {
            inspect(catalog.model(id), answer, input).problems().forEach(problem -> broken.add(id + ": " + problem));
        }
        if (broken.isEmpty()) {
            return Verdict.ok();
        }
        return Verdict.repair(REASON, "Some prompts break their model's rules. Answer again with every model's prompt, "
                + "fixing these: " + String.join("; ", broken));
    }

    /** A model's prompt in the answer once adapted (null when missing or empty), and what is wrong with it. */
    record Checked(TargetPrompt adapted, List<String> problems) {
    }

    /** Reads, adapts and validates a model's prompt: missing, empty, or the rules it breaks after adapting. */
    static Checked inspect(TargetModel model, TargetAnswer answer, TargetsTask.Input input) {
        var written = TargetsTask.read(answer.prompts() == null ? null : answer.prompts().get(model.id()), model);
        if (written == null) {
            return new Checked(null, List.of("missing"));
        }
        if (written.prompt().isEmpty()) {
            return new Checked(null, List.of("empty prompt"));
        }
        var adapted = model.rules().adapt(written, TargetsTask.options(input, model.id()));
        return new Checked(adapted, model.rules().violations(adapted));
    }
}
