package io.shotcraft.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.AnswerSchema;
import io.shotcraft.ai.DeclaredTask;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.targets.rules.TargetOptions;
import io.shotcraft.targets.rules.TargetPrompt;

/**
 * The targets task: one model call writes a prompt for every model of the selected groups ({@link TargetWriter}),
 * sent the selection's merged instructions and schema; each model's prompt is then held to its model's rules
 * ({@link TargetChecks} asks once for a repair; what still breaks them is replaced by that model's offline prompt).
 * The offline twin writes every model's prompt from the source's parameters.
 */
@Singleton
public class TargetsTask extends DeclaredTask<TargetsTask.Input, TargetAnswer> {

    static final String NAME = "targets";
    static final String SYSTEM = "prompts/targets/system.md";
    static final String USER = "prompts/targets/user.md";

    /** What the task is asked: the selection's merged instructions, the source and its parameters, per-model options. */
    public record Input(TargetInstructions.Merged merged, String source, List<Parameter> parameters,
            Map<String, TargetOptions> options, String optionsText) {

        List<String> models() {
            return merged.selection().models();
        }
    }

    private final TargetWriter model;
    private final TargetCatalog catalog;
    private final ObjectMapper json;

    public TargetsTask(TargetWriter model, TargetCatalog catalog, ObjectMapper json) {
        super(NAME, TargetAnswer.class, files(catalog));
        this.model = model;
        this.catalog = catalog;
        this.json = json;
    }

    /** The task's prompt files and every targets data file: a change to any of them is a new prompt version. */
    private static String[] files(TargetCatalog catalog) {
        var files = new ArrayList<String>(List.of(SYSTEM, USER));
        files.addAll(catalog.files());
        return files.toArray(String[]::new);
    }

    @Override
    public TargetAnswer ask(Input input) {
        return model.write(input.merged().instructions(), input.source(), parametersText(input.parameters()),
                input.optionsText(), String.join(", ", input.models()));
    }

    @Override
    public AnswerSchema answerSchema(Input input) {
        return input.merged().answerSchema();
    }

    @Override
    public TargetAnswer offline(Input input, String fallbackReason) {
        var prompts = new LinkedHashMap<String, JsonNode>();
        for (var id : input.models()) {
            var written = offline(catalog.model(id), input);
            prompts.put(id, json.createObjectNode().put("prompt", written.prompt()).put("negative_prompt", written.negativePrompt()));
        }
        return new TargetAnswer(prompts);
    }

    /** The selection, the source, its parameters and the options shape the answer; the model and version are the runner's. */
    @Override
    public Object cacheKey(Input input) {
        return Map.of("category", input.merged().selection().category().name(), "models", input.models(),
                "source", input.source(), "parameters", input.parameters(), "options", input.optionsText());
    }

    /** A model's offline prompt from the source's parameters. */
    static TargetPrompt offline(TargetModel model, Input input) {
        return model.rules().offline(input.source(), input.parameters(), options(input, model.id()));
    }

    static TargetOptions options(Input input, String model) {
        return input.options().getOrDefault(model, TargetOptions.none());
    }

    /** A model's answer as a prompt: a string, or an object with {@code prompt} and {@code negative_prompt}; null when absent. */
    static TargetPrompt read(JsonNode node, TargetModel model) {
        if (node == null || node.isNull()) {
            return null;
        }
        var prompt = node.isTextual() ? node.asText() : node.path("prompt").asText("");
        var negative = node.isTextual() ? "" : node.path("negative_prompt").asText("");
        return new TargetPrompt(prompt.strip(), negative.strip(), model.defaults(), List.of());
    }

    private static String parametersText(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return "none found";
        }
        var text = new StringBuilder();
        for (var parameter : parameters) {
            text.append(text.isEmpty() ? "" : "; ").append(parameter.name()).append(": ").append(parameter.value());
        }
        return text.toString();
    }
}
