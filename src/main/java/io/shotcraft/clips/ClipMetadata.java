package io.shotcraft.clips;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How a clip's prompt was made and what it refers to. */
@RegisterForReflection
@Schema(name = "ClipMetadata")
public record ClipMetadata(
        int wordCount,
        @Schema(description = "The job's canonical style keywords, the same on every clip") List<String> styleKeywords,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "The clip's primary scene") String sceneId,
        List<String> characterIds,
        boolean validated,
        @Schema(description = "Whether the model wrote this clip's prompt") boolean llmUsed,
        @JsonInclude(JsonInclude.Include.ALWAYS) String llmModel,
        @Schema(enumeration = { "scene", "character", "text_only" },
                description = "Which image the video model should take as primary reference") String referenceMode,
        @JsonInclude(JsonInclude.Include.ALWAYS) String primaryReferenceUrl,
        @Schema(enumeration = { "full", "partial", "none" },
                description = "How many of the clip's scenes and characters have a reference image") String referenceCoverage,
        @Schema(description = "Why the template wrote this clip although the model answered", examples = "over_word_limit")
        String fallbackReason,
        @Schema(description = "The previous clip in the same scene, whose context this prompt continues") Integer previousClipIndex,
        List<String> warnings) {

    ClipMetadata validated(int words, List<String> keywords, List<String> moreWarnings) {
        var allWarnings = new java.util.ArrayList<>(warnings);
        moreWarnings.stream().filter(w -> !allWarnings.contains(w)).forEach(allWarnings::add);
        return new ClipMetadata(words, keywords, sceneId, characterIds, true, llmUsed, llmModel, referenceMode,
                primaryReferenceUrl, referenceCoverage, fallbackReason, previousClipIndex, List.copyOf(allWarnings));
    }
}
