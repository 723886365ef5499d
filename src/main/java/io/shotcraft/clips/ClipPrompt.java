package io.shotcraft.clips;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The prompt for one clip, its duration and the reference images to pass beside it. */
@RegisterForReflection
@Schema(name = "ClipPrompt")
public record ClipPrompt(
        int clipIndex,
        String prompt,
        String negativePrompt,
        @Schema(description = "Seconds: end - start of the clip script") double duration,
        @JsonInclude(JsonInclude.Include.ALWAYS) String sceneReferenceUrl,
        List<String> characterReferenceUrls,
        ClipMetadata metadata) {
}
