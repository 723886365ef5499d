package io.shotcraft.ai;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.shotcraft.ai.LlmFailure.Reason;

/**
 * The chat model of every task's AI service ({@code @RegisterAiService(chatLanguageModelSupplier = TaskModels.class)}):
 * one OpenAI-compatible client (quarkus-langchain4j's default model), told per call what the current
 * {@link Invocation} needs: the task's model, temperature, token ceiling and seed; the answer's schema (made by the
 * library from the task's answer record, sent with snake_case property names, the API's JSON convention); the shared
 * preamble of every system prompt and, for endpoints without structured output, the schema in the prompt. Before a call
 * it checks the cost cap; around it, the task's {@link ModelGuards}; after it, it records the tokens and checks that
 * the answer is JSON that fits the schema. A call that streams hands each piece to the invocation's {@link Partials}.
 */
@ApplicationScoped
@Typed(TaskModels.class)
public class TaskModels implements Supplier<ChatModel> {

    private static final String PREAMBLE = "prompts/shared/structured-answer.md";
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final ChatModel openAi;
    private final StreamingChatModel streaming;
    private final ModelGuards guards;
    private final Budget budget;
    private final Pricing pricing;
    private final AiConfig config;
    private final ObjectMapper json;
    private final String preamble;
    private final Map<JsonSchema, AnswerSchema> schemas = new ConcurrentHashMap<>();
    private final ChatModel model = new TaskModel();

    public TaskModels(ChatModel openAi, StreamingChatModel streaming, ModelGuards guards, Budget budget, Pricing pricing,
            AiConfig config, ObjectMapper json, Prompts prompts) {
        this.openAi = openAi;
        this.streaming = streaming;
        this.guards = guards;
        this.budget = budget;
        this.pricing = pricing;
        this.config = config;
        this.json = json;
        this.preamble = prompts.text(PREAMBLE).strip();
    }

    @Override
    public ChatModel get() {
        return model;
    }

    private final class TaskModel implements ChatModel {

        @Override
        public ChatResponse chat(ChatRequest request) {
            return call(request);
        }

        @Override
        public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
            return call(request);
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
    }

    private ChatResponse call(ChatRequest request) {
        var invocation = Invocation.current();
        if (invocation == null) {
            throw new IllegalStateException("An AI task's service was called outside AiTaskRunner");
        }
        var schema = schema(invocation, request.responseFormat());
        var prepared = prepare(request, invocation, schema);
        budget.check(invocation, prepared);
        invocation.answer = null;
        return guards.call(invocation, () -> {
            invocation.resetPartials();
            var response = invocation.call.partials() == null ? openAi.chat(prepared) : streamed(prepared, invocation);
            return checked(response, invocation, schema);
        });
    }

    private ChatRequest prepare(ChatRequest request, Invocation invocation, AnswerSchema schema) {
        var settings = invocation.settings;
        var system = new StringBuilder(preamble).append("\n\n");
        List<ChatMessage> messages = new ArrayList<>(request.messages().size() + 1);
        for (var message : request.messages()) {
            if (message instanceof SystemMessage declared) {
                system.append(invocation.prompt.systemText() != null ? invocation.prompt.systemText() : declared.text());
            } else {
                messages.add(message);
            }
        }
        ResponseFormat format = null;
        if (schema != null && config.structuredOutput() == AiConfig.StructuredOutput.JSON_SCHEMA) {
            format = ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name(schema.name()).rootElement(JsonRawSchema.from(schema.text())).build())
                    .build();
        } else if (schema != null) {
            format = ResponseFormat.JSON;
            system.append("\n\nAnswer with one JSON object, and nothing else, that fits this JSON schema:\n").append(schema.text());
        }
        messages.addFirst(SystemMessage.from(system.toString().strip()));
        var seed = invocation.call.seed();
        var parameters = OpenAiChatRequestParameters.builder()
                .modelName(settings.model())
                .temperature(seed != null ? 0.0 : settings.temperature())
                .maxOutputTokens(settings.maxTokens())
                .seed(seed)
                .responseFormat(format)
                .build();
        return ChatRequest.builder().messages(messages).parameters(parameters).build();
    }

    /** Records what the answer cost, then refuses it unless it is JSON that fits the schema. */
    private ChatResponse checked(ChatResponse response, Invocation invocation, AnswerSchema schema) {
        var usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        var model = response.modelName() == null ? invocation.settings.model() : response.modelName();
        invocation.spent(model, in, out, pricing.cost(model, in, out));
        var text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmFailure(Reason.MALFORMED_OUTPUT, "The model answered with no text");
        }
        if (schema == null) {
            return response;
        }
        var stripped = stripFences(text);
        JsonNode node;
        try {
            node = json.readTree(stripped);
        } catch (JsonProcessingException e) {
            throw new LlmFailure(Reason.MALFORMED_OUTPUT, "The model's answer is not JSON: " + e.getOriginalMessage());
        }
        var errors = schema.check().validate(node);
        if (!errors.isEmpty()) {
            throw new LlmFailure(Reason.SCHEMA_VIOLATION, "The model's answer does not fit " + schema.name() + ": " + errors.getFirst());
        }
        invocation.answer = node;
        return stripped.equals(text) ? response : response.toBuilder().aiMessage(AiMessage.from(stripped)).build();
    }

    /** A streamed call: each piece goes to the invocation's partials as it arrives, until the call ends or is abandoned. */
    private ChatResponse streamed(ChatRequest request, Invocation invocation) throws InterruptedException {
        var done = new CompletableFuture<ChatResponse>();
        var live = new AtomicBoolean(true);
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                if (live.get()) {
                    invocation.delivered = true;
                    invocation.call.partials().piece(text);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            live.set(false);
        }
    }

    /**
     * The schema the task made for this input, else the one the library made from the task's answer record, with
     * snake_case property names (the API's JSON convention, and what the answer is read with), named after the record
     * in snake_case.
     */
    @SuppressWarnings("unchecked")
    private AnswerSchema schema(Invocation invocation, ResponseFormat format) {
        var own = ((AiTask<Object, ?>) invocation.task).answerSchema(invocation.input);
        if (own != null) {
            return own;
        }
        if (format == null || format.jsonSchema() == null) {
            return null;
        }
        return schemas.computeIfAbsent(format.jsonSchema(), declared -> {
            var root = json.valueToTree(JsonSchemaElementUtils.toMap(declared.rootElement(), true));
            snakeCase(root);
            return new AnswerSchema(SNAKE.translate(declared.name()), root.toString(), StrictJsonSchema.of(root));
        });
    }

    private static void snakeCase(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("properties") instanceof ObjectNode properties) {
                var renamed = object.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                    var property = it.next();
                    renamed.set(SNAKE.translate(property.getKey()), property.getValue());
                }
                object.set("properties", renamed);
            }
            if (object.get("required") instanceof ArrayNode required) {
                var renamed = object.arrayNode();
                required.forEach(name -> renamed.add(SNAKE.translate(name.asText())));
                object.set("required", renamed);
            }
            object.forEach(TaskModels::snakeCase);
        } else if (node instanceof ArrayNode array) {
            array.forEach(TaskModels::snakeCase);
        }
    }

    /** JSON mode of some servers wraps the object in a Markdown code fence. */
    private static String stripFences(String text) {
        var t = text.strip();
        if (t.startsWith("```")) {
            int start = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (start > 0 && end > start) {
                return t.substring(start + 1, end);
            }
        }
        return t;
    }
}
