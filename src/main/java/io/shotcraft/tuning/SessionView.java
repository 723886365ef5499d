package io.shotcraft.tuning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.Usage;

/** A session at its latest revision, with what the last operation changed and how it was made. */
@RegisterForReflection
@Schema(name = "Session")
public record SessionView(
        UUID id,
        int revision,
        String prompt,
        @Schema(description = "Ordered: the order in which the prompt mentions them",
                examples = "{\"subject\":\"teal robot\",\"location\":\"kitchen\"}") Map<String, String> parameters,
        List<String> changes,
        @Schema(description = "Set when an edit applied nothing") String message,
        String engine,
        @JsonInclude(JsonInclude.Include.ALWAYS) String model,
        boolean cached,
        String fallbackReason,
        @Schema(description = "Tokens and cost of the model calls this answer took (the enhancement too, when asked for); "
                + "zero offline, from the cache and for reads") Usage usage,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
