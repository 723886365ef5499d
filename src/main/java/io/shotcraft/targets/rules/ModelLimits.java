package io.shotcraft.targets.rules;

/**
 * How long a model's prompt may be, from the model's documentation and overridable per model in
 * {@code prompts/targets/groups.json} ({@code max_chars}, {@code max_tokens}).
 *
 * @param maxChars  the most characters a prompt (and a negative prompt) may have
 * @param maxTokens the most tokens, counted with the model's tokenizer where the rules have one (Stable Diffusion:
 *                  CLIP tokens over all {@code BREAK} chunks); null when only characters count
 */
public record ModelLimits(int maxChars, Integer maxTokens) {

    public ModelLimits {
        if (maxChars < 1) {
            throw new IllegalArgumentException("max_chars must be at least 1, was " + maxChars);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1, was " + maxTokens);
        }
    }
}
