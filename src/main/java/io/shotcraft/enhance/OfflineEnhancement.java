package io.shotcraft.enhance;

import java.util.List;
import java.util.Objects;

/**
 * A prompt rewritten by {@link OfflinePromptEnhancer}.
 *
 * @param text  the enhanced prompt: the user's words, verbatim and in order, followed by the additions
 * @param added the aspects that were added, in the order they appear in {@code text}: {@code image_context},
 *              {@code shot_type}, {@code camera_movement}, {@code motion}, {@code lighting},
 *              {@code color_atmosphere}; empty when the prompt was returned unchanged
 */
public record OfflineEnhancement(String text, List<String> added) {

    public OfflineEnhancement {
        Objects.requireNonNull(text, "text");
        added = List.copyOf(added);
    }
}
