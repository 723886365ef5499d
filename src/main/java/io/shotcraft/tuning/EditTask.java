package io.shotcraft.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import io.shotcraft.ai.DeclaredTask;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.tuning.offline.OfflineEditInterpreter;
import io.shotcraft.tuning.offline.OfflinePromptWriter;

/**
 * The edit task: a change request applied to a prompt and its parameters. The model interprets and regenerates in one
 * call ({@link PromptEditor}), {@link EditChecks} holds it to the prompt rules (one repair), and the offline
 * interpreter and writer are its twin.
 */
@Singleton
public class EditTask extends DeclaredTask<EditTask.Input, PromptEdit> {

    static final String NAME = "tuning-edit";
    static final String SYSTEM = "prompts/tuning/edit.md";
    static final String USER = "prompts/tuning/edit.user.md";
    private static final String FORMS = "e.g. \"change X to Y\", \"remove X\", \"add Y\"";

    /** The latest revision's prompt and parameters (also as the stored JSON the model reads), and the request. */
    public record Input(String prompt, List<Parameter> before, String parametersJson, String request) {
    }

    private final PromptEditor model;
    private final OfflineEditInterpreter interpreter;
    private final OfflinePromptWriter writer;

    public EditTask(PromptEditor model, OfflineEditInterpreter interpreter, OfflinePromptWriter writer) {
        super(NAME, PromptEdit.class, SYSTEM, USER);
        this.model = model;
        this.interpreter = interpreter;
        this.writer = writer;
    }

    @Override
    public PromptEdit ask(Input input) {
        return model.edit(input.prompt(), input.parametersJson(), input.request());
    }

    @Override
    public PromptEdit offline(Input input, String fallbackReason) {
        var plan = interpreter.interpret(input.before(), input.request())
                .orElseThrow(() -> new ProblemException(ProblemType.EDIT_NOT_UNDERSTOOD, notUnderstood(fallbackReason)));
        if (plan.isEmpty()) {
            return new PromptEdit(false, List.of(), List.of(), input.prompt());
        }
        var after = ParameterList.apply(input.before(), plan.updates());
        var updates = plan.updates().stream()
                .map(u -> new PromptEdit.Update(u.op().name().toLowerCase(Locale.ROOT), u.name(), u.value())).toList();
        return new PromptEdit(true, updates, plan.changes(), writer.regenerate(input.prompt(), input.before(), after));
    }

    @Override
    public Object cacheKey(Input input) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("prompt", input.prompt());
        key.put("parameters", input.before());
        key.put("request", input.request());
        return key;
    }

    /** What the 422 says: which engines were tried. */
    private static String notUnderstood(String fallbackReason) {
        if (fallbackReason == null) {
            return "The offline engine cannot interpret this request; rephrase it (" + FORMS + ") or ask for the LLM engine";
        }
        if ("no_api_key".equals(fallbackReason)) {
            return "No model is configured, and the offline engine cannot interpret this request; rephrase it (" + FORMS + ")";
        }
        return "The model was asked but its answer could not be used (" + fallbackReason
                + "), and the offline engine cannot interpret this request either; rephrase it (" + FORMS + ")";
    }
}
