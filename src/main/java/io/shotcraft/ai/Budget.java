package io.shotcraft.ai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * The cost cap of a call: what is left of the request's cap must cover the call's input and its whole token ceiling
 * of output, else the call is not made ({@code budget_exceeded}). Counting tokens takes a tokenizer pass, so it is done
 * only when it could matter: a token is at least one byte of UTF-8, so the byte count bounds the input's tokens, and
 * when even that bound fits under the cap the estimate recorded is the usual four bytes per token.
 */
@ApplicationScoped
public class Budget {

    /** Per-message overhead of the chat format (role, separators) and the priming of the answer, as OpenAI documents. */
    private static final int PER_MESSAGE = 4;
    private static final int REPLY_PRIMING = 3;

    private final TokenEstimator tokens;
    private final Pricing pricing;

    public Budget(TokenEstimator tokens, Pricing pricing) {
        this.tokens = tokens;
        this.pricing = pricing;
    }

    void check(Invocation invocation, ChatRequest request) {
        var model = invocation.settings.model();
        int ceiling = invocation.settings.maxTokens();
        var texts = texts(request.messages());
        int bytes = 0;
        for (String text : texts) {
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        int overhead = REPLY_PRIMING + PER_MESSAGE * texts.size();
        var cap = invocation.remainingCap();
        if (pricing.cost(model, bytes + overhead, ceiling).compareTo(cap) <= 0) {
            invocation.tokensEstimated += bytes / 4 + overhead;
            return;
        }
        int counted = tokens.countMessages(model, texts.toArray(String[]::new));
        invocation.tokensEstimated += counted;
        var estimate = pricing.cost(model, counted, ceiling);
        if (estimate.compareTo(cap) > 0) {
            throw new LlmFailure(LlmFailure.Reason.BUDGET_EXCEEDED, "The call's estimated cost of " + estimate.toPlainString()
                    + " USD is over what is left of the cap, " + cap.max(java.math.BigDecimal.ZERO).toPlainString() + " USD");
        }
    }

    private static List<String> texts(List<ChatMessage> messages) {
        List<String> texts = new ArrayList<>(messages.size());
        for (var message : messages) {
            switch (message) {
                case SystemMessage system -> texts.add(system.text());
                case AiMessage ai -> texts.add(ai.text() == null ? "" : ai.text());
                case UserMessage user -> {
                    var text = new StringBuilder();
                    user.contents().forEach(content -> {
                        if (content instanceof TextContent t) {
                            text.append(t.text());
                        }
                    });
                    texts.add(text.toString());
                }
                default -> texts.add("");
            }
        }
        return texts;
    }
}
