package io.shotcraft.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.TaskGuardrail;
import io.shotcraft.ai.Verdict;
import io.shotcraft.tuning.offline.PromptRules;

/**
 * The checks of an edit the model made: every update well formed (else rejected), and a regenerated prompt that keeps
 * the prompt rules ({@link PromptRules}); one that breaks them is sent back once, naming the rules.
 */
@Singleton
public class EditChecks extends TaskGuardrail<EditTask.Input, PromptEdit> {

    public EditChecks(ObjectMapper json) {
        super(json);
    }

    @Override
    protected Verdict check(EditTask.Input input, PromptEdit answer) {
        List<ParameterUpdate> updates;
        try {
            updates = updates(answer);
        } catch (IllegalArgumentException e) {
            return Verdict.reject("invalid_output", e.getMessage());
        }
        if (!answer.applicable() || updates.isEmpty()) {
            return Verdict.ok();
        }
        var after = ParameterList.apply(input.before(), updates);
        var broken = PromptRules.violations(answer.prompt() == null ? "" : answer.prompt().strip(), input.before(), after);
        if (!broken.isEmpty()) {
            return Verdict.repair("rules_broken",
                    "Your previous answer broke these rules; answer again and keep them:\n- " + String.join("\n- ", broken));
        }
        return Verdict.ok();
    }

    /** The answer's updates, read; an unknown operation or a set or add to nothing is an error. */
    static List<ParameterUpdate> updates(PromptEdit answer) {
        List<ParameterUpdate> updates = new ArrayList<>();
        for (var u : answer.updates() == null ? List.<PromptEdit.Update> of() : answer.updates()) {
            ParameterUpdate.Op op;
            try {
                op = ParameterUpdate.Op.valueOf(String.valueOf(u.op()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The model's update of " + u.name() + " has no known operation: " + u.op());
            }
            var value = u.value() == null ? null : u.value().strip();
            if (op != ParameterUpdate.Op.REMOVE && (value == null || value.isEmpty())) {
                throw new IllegalArgumentException("The model set " + u.name() + " to nothing");
            }
            if (u.name() == null || !u.name().matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("The model named a parameter " + u.name());
            }
            updates.add(new ParameterUpdate(op, u.name(), value));
        }
        return updates;
    }
}
