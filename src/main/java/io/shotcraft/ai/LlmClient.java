package io.shotcraft.ai;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.quarkus.logging.Log;
import io.shotcraft.ai.LlmFailure.Reason;
import io.shotcraft.platform.ShotcraftConfig;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Every model call goes through here: retries with exponential backoff and jitter on 5xx and 429 (waiting
 * what {@code Retry-After} asks), a circuit breaker around the whole, and an answer that must parse as JSON
 * and fit the call's schema. Failures come out as {@link LlmFailure}.
 * <p>
 * Timeouts are the HTTP client's ({@code quarkus.langchain4j.openai.<task>.timeout}), and langchain4j
 * retries a timed-out call itself, once at least (its {@code max-retries} cannot be 0): that is the retry
 * of timeouts, so this class does not retry them again. HTTP errors reach langchain4j as non-retriable
 * ({@link ModelErrorFilter}), so each is retried here alone.
 */
@ApplicationScoped
public class LlmClient {

    private final ChatModels models;
    private final ManagedExecutor executor;
    private final ShotcraftConfig.Ai config;
    private final ObjectMapper json;
    private final Map<String, StrictJsonSchema> schemas = new ConcurrentHashMap<>();

    public LlmClient(ChatModels models, ShotcraftConfig config, ObjectMapper json, ManagedExecutor executor) {
        this.models = models;
        this.executor = executor;
        this.config = config.ai();
        this.json = json;
    }

    /** The circuit opens when most recent calls failed; while open, calls fail at once without HTTP. */
    @CircuitBreaker
    @AsynchronousNonBlocking
    public Uni<LlmAnswer> complete(LlmCall call) {
        return attempt(call, 1);
    }

    private Uni<LlmAnswer> attempt(LlmCall call, int attempt) {
        return once(call, attempt).onFailure(LlmFailure.class).recoverWithUni(error -> {
            var failure = (LlmFailure) error;
            if (!failure.reason().retryable() || failure.reason() == Reason.TIMEOUT || attempt > config.maxRetries()) {
                return Uni.createFrom().failure(failure);
            }
            var wait = backoff(attempt, failure.retryAfter());
            if (wait == null) {
                return Uni.createFrom().failure(failure);
            }
            Log.debugf("Model call for %s failed (%s), attempt %d; retrying in %d ms", call.task(), failure.reason().wire(),
                    attempt, wait.toMillis());
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait).chain(() -> attempt(call, attempt + 1));
        });
    }

    /** Exponential backoff with jitter, or what Retry-After asks; null when that is longer than we wait. */
    Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(config.maxBackoff()) > 0 ? null : retryAfter;
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, config.maxBackoff().toMillis()));
    }

    private Uni<LlmAnswer> once(LlmCall call, int attempt) {
        var streaming = call.partials() == null ? null : models.streamingForTask(call.task());
        if (streaming != null) {
            return streamed(call, streaming, attempt);
        }
        var model = models.forTask(call.task());
        var request = request(call);
        return Uni.createFrom().<ChatResponse> emitter(emitter -> {
            Future<?> running = executor.submit(() -> {
                try {
                    emitter.complete(model.chat(request));
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
            emitter.onTermination(() -> running.cancel(true));
        })
                // A safety net only: the HTTP client's timeout (and langchain4j's one retry) end a hung call first.
                .ifNoItem().after(call.timeout().multipliedBy(2).plusSeconds(2))
                .failWith(() -> new LlmFailure(Reason.TIMEOUT, "No answer within " + call.timeout().toMillis() + " ms"))
                .onFailure(e -> !(e instanceof LlmFailure)).transform(LlmClient::classify)
                .map(response -> answer(call, response, attempt));
    }

    /**
     * A streamed call: each piece of text goes to the call's consumer as it arrives. Once a piece has been handed
     * on, a failure is not retried (the consumer cannot take pieces back).
     */
    private Uni<LlmAnswer> streamed(LlmCall call, StreamingChatModel model, int attempt) {
        var request = request(call);
        var delivered = new java.util.concurrent.atomic.AtomicBoolean();
        return Uni.createFrom().<ChatResponse> emitter(emitter -> model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                delivered.set(true);
                call.partials().accept(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                emitter.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                emitter.fail(error);
            }
        }))
                .ifNoItem().after(call.timeout().multipliedBy(2).plusSeconds(2))
                .failWith(() -> new LlmFailure(Reason.TIMEOUT, "No answer within " + call.timeout().toMillis() + " ms"))
                .onFailure(e -> !(e instanceof LlmFailure)).transform(LlmClient::classify)
                .onFailure(LlmFailure.class).transform(e -> delivered.get()
                        ? new LlmFailure(Reason.ERROR, "The stream broke off: " + e.getMessage())
                        : e)
                .map(response -> answer(call, response, attempt));
    }

    private ChatRequest request(LlmCall call) {
        var system = call.systemPrompt();
        ResponseFormat format;
        if (config.structuredOutput() == ShotcraftConfig.StructuredOutput.JSON_SCHEMA) {
            format = ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(dev.langchain4j.model.chat.request.json.JsonSchema.builder()
                            .name(call.schemaName())
                            .rootElement(JsonRawSchema.from(call.schemaJson()))
                            .build())
                    .build();
        } else {
            format = ResponseFormat.JSON;
            system = system + "\n\nAnswer with one JSON object, and nothing else, that fits this JSON schema:\n"
                    + call.schemaJson();
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system));
        messages.add(call.imageUrl() == null
                ? UserMessage.from(call.userText())
                : UserMessage.from(TextContent.from(call.userText()), ImageContent.from(call.imageUrl())));
        var parameters = OpenAiChatRequestParameters.builder()
                .modelName(call.model())
                .temperature(call.seed() != null ? 0.0 : call.temperature())
                .maxOutputTokens(call.maxTokens())
                .seed(call.seed())
                .responseFormat(format)
                .build();
        return ChatRequest.builder().messages(messages).parameters(parameters).build();
    }

    private LlmAnswer answer(LlmCall call, ChatResponse response, int attempt) {
        var usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        var model = response.modelName() == null ? call.model() : response.modelName();
        var spent = new Usage(in, out, null);
        var text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw LlmFailure.refused(Reason.MALFORMED_OUTPUT, "The model answered with no text", spent);
        }
        JsonNode node;
        try {
            node = json.readTree(stripFences(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw LlmFailure.refused(Reason.MALFORMED_OUTPUT, "The model's answer is not JSON: " + e.getOriginalMessage(), spent);
        }
        var errors = schema(call).validate(node);
        if (!errors.isEmpty()) {
            throw LlmFailure.refused(Reason.SCHEMA_VIOLATION,
                    "The model's answer does not fit " + call.schemaName() + ": " + errors.getFirst(), spent);
        }
        return new LlmAnswer(node, model, in, out, attempt);
    }

    private StrictJsonSchema schema(LlmCall call) {
        return schemas.computeIfAbsent(call.schemaJson(), text -> {
            try {
                return StrictJsonSchema.of(json.readTree(text));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Schema " + call.schemaName() + " is not JSON", e);
            }
        });
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

    private static Reason reason(int status) {
        if (status == 429) {
            return Reason.RATE_LIMITED;
        }
        if (status == 408) {
            return Reason.TIMEOUT;
        }
        return status >= 500 ? Reason.SERVER_ERROR : Reason.CLIENT_ERROR;
    }

    static LlmFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LlmFailure failure) {
                return failure;
            }
            if (t instanceof ModelErrorFilter.ModelHttpError http) {
                return new LlmFailure(reason(http.status()), http.getMessage(), http.retryAfter());
            }
            if (t instanceof HttpException http) {
                return new LlmFailure(reason(http.statusCode()), "HTTP " + http.statusCode() + " from the model endpoint");
            }
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException) {
                return new LlmFailure(Reason.UNREACHABLE, "The model endpoint cannot be reached: " + t.getMessage());
            }
            var name = t.getClass().getSimpleName();
            if (name.contains("Timeout") || t instanceof java.net.SocketTimeoutException) {
                return new LlmFailure(Reason.TIMEOUT, "The model endpoint timed out: " + t.getMessage());
            }
        }
        Log.warnf(error, "Model call failed unexpectedly");
        return new LlmFailure(Reason.ERROR, "The model call failed: " + error);
    }
}
