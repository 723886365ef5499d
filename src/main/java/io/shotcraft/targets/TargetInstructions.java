package io.shotcraft.targets;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shotcraft.ai.AnswerSchema;
import io.shotcraft.ai.TokenEstimator;

/**
 * What one model call is sent for a selection: the system prompt (the category's shared instructions, then each
 * selected group's, in selection order: the design's Phase 3) and the answer's schema (every selected model's
 * property under {@code prompts}, all required, no other property at any level: Phase 4), with their tokens against
 * the same for every group of the category. Made once per selection and kept (at most {@link #KEPT} selections).
 */
@ApplicationScoped
public class TargetInstructions {

    static final String SCHEMA_NAME = "target_prompts";
    private static final int KEPT = 512;

    /** A selection's instructions and schema; {@code tokens} counts both with the model's tokenizer. */
    public record Merged(Selection selection, String instructions, ObjectNode schema, AnswerSchema answerSchema, int tokens) {
    }

    private final ObjectMapper json;
    private final TokenEstimator tokenizer;
    private final Map<String, Merged> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Merged> eldest) {
            return size() > KEPT;
        }
    };

    public TargetInstructions(ObjectMapper json, TokenEstimator tokenizer) {
        this.json = json;
        this.tokenizer = tokenizer;
    }

    /** The selection's instructions and schema, counted for {@code model}. */
    public Merged merge(Selection selection, String model) {
        var key = model + '\n' + selection.category().name() + '\n' + String.join(",", selection.groupNames());
        synchronized (kept) {
            var merged = kept.get(key);
            if (merged != null) {
                return merged;
            }
        }
        var merged = build(selection, model);
        synchronized (kept) {
            kept.put(key, merged);
        }
        return merged;
    }

    /** Tokens sent for this selection, for every group of its category, and the share saved. */
    public TargetPrompts.Tokens tokens(Selection selection, String model) {
        int sent = merge(selection, model).tokens();
        int all = merge(Selection.all(selection.category()), model).tokens();
        int saved = all == 0 ? 0 : (int) Math.round(100.0 * (all - sent) / all);
        return new TargetPrompts.Tokens(sent, all, saved);
    }

    private Merged build(Selection selection, String model) {
        var instructions = new StringBuilder(selection.category().sharedInstructions());
        for (var group : selection.groups()) {
            instructions.append("\n\n").append(group.instructions());
        }
        var sent = schema(selection, true);
        var checked = schema(selection, false);
        var text = instructions.toString();
        int tokens = tokenizer.count(model, text) + tokenizer.count(model, sent.toString());
        return new Merged(selection, text, sent, AnswerSchema.of(SCHEMA_NAME, sent, checked), tokens);
    }

    /**
     * The merged schema. The one checked before the answer reaches the task's checks does not require every model, so
     * that an answer missing one is repaired or completed offline rather than thrown away whole.
     */
    private ObjectNode schema(Selection selection, boolean allRequired) {
        var properties = json.createObjectNode();
        var required = json.createArrayNode();
        for (var group : selection.groups()) {
            for (var model : group.models()) {
                properties.set(model, group.modelSchemas().get(model).deepCopy());
                required.add(model);
            }
        }
        var prompts = json.createObjectNode().put("type", "object");
        prompts.set("properties", properties);
        prompts.set("required", allRequired ? required : json.createArrayNode());
        prompts.put("additionalProperties", false);
        var root = json.createObjectNode().put("type", "object");
        root.set("properties", json.createObjectNode().set("prompts", prompts));
        root.set("required", json.createArrayNode().add("prompts"));
        root.put("additionalProperties", false);
        return root;
    }
}
