package io.shotcraft.ai;

import jakarta.enterprise.context.ApplicationScoped;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens before a call with the tokenizer of the model's family: o200k_base for the GPT-4o, 4.1, 5 and
 * o-series families, cl100k_base for older GPT-4/3.5 models and for unknown models (a close estimate for
 * most open models behind OpenAI-compatible servers).
 */
@ApplicationScoped
public class TokenEstimator {

    /** Per-message overhead of the chat format (role, separators), as OpenAI documents it. */
    private static final int PER_MESSAGE = 4;
    /** The model's answer is primed with a few tokens. */
    private static final int REPLY_PRIMING = 3;

    // The vocabularies take tens of MB: they load on the first estimate, not at startup, and only when used.
    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    public int count(String model, String text) {
        return text == null || text.isEmpty() ? 0 : encoding(model).countTokens(text);
    }

    /** Tokens of a chat request made of the given message texts. */
    public int countMessages(String model, String... messages) {
        int total = REPLY_PRIMING;
        for (String message : messages) {
            total += PER_MESSAGE + count(model, message);
        }
        return total;
    }

    Encoding encoding(String model) {
        var m = model == null ? "" : model.toLowerCase(java.util.Locale.ROOT);
        if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-5") || m.startsWith("o1")
                || m.startsWith("o3") || m.startsWith("o4") || m.startsWith("chatgpt-4o")) {
            return registry.getEncoding(EncodingType.O200K_BASE);
        }
        return registry.getEncoding(EncodingType.CL100K_BASE);
    }
}
