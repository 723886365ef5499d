package io.shotcraft.targets;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;

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
            broken.addAll(problems(catalog.model(id), answer, input));
        }
        if (broken.isEmpty()) {
            return Verdict.ok();
        }
        return Verdict.repair(REASON, "Some prompts break their model's rules. Answer again with every model's prompt, "
                + "fixing these: " + String.join("; ", broken));
    }

    /** What is wrong with a model's prompt in the answer: missing, empty, or the rules it breaks after adapting. */
    static List<String> problems(TargetModel model, TargetAnswer answer, TargetsTask.Input input) {
        var written = TargetsTask.read(answer.prompts() == null ? null : answer.prompts().get(model.id()), model);
        if (written == null) {
            return List.of(model.id() + ": missing");
        }
        if (written.prompt().isEmpty()) {
            return List.of(model.id() + ": empty prompt");
        }
        var adapted = model.rules().adapt(written, TargetsTask.options(input, model.id()));
        return model.rules().violations(adapted).stream().map(v -> model.id() + ": " + v).toList();
    }
}
