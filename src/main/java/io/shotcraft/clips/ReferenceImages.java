package io.shotcraft.clips;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reference images made for a plan's scenes and characters. With {@code status: failed} none is used; an entry
 * whose URL is not http(s) is dropped with a warning on the clips that would have used it.
 */
@RegisterForReflection
@Schema(name = "ReferenceImages")
public record ReferenceImages(
        @Size(max = 64) String jobId,
        @Size(max = 500) List<@Valid @NotNull ReferenceImage> sceneReferences,
        @Size(max = 500) List<@Valid @NotNull ReferenceImage> characterReferences,
        Integer totalReferences,
        Double totalGenerationTime,
        @Size(max = 32) String totalCost,
        @Pattern(regexp = "success|partial|failed", message = "must be success, partial or failed")
        @Schema(enumeration = { "success", "partial", "failed" }) String status,
        @Schema(type = SchemaType.OBJECT) JsonNode metadata) {

    public List<ReferenceImage> sceneReferencesOrEmpty() {
        return sceneReferences == null ? List.of() : sceneReferences;
    }

    public List<ReferenceImage> characterReferencesOrEmpty() {
        return characterReferences == null ? List.of() : characterReferences;
    }

    /** One image: for a scene ({@code scene_id}) or a character ({@code character_id}). */
    @RegisterForReflection
    @Schema(name = "ReferenceImage")
    public record ReferenceImage(
            @Size(max = 100) String sceneId,
            @Size(max = 100) String characterId,
            @Size(max = 4096) @Schema(examples = "https://placeholder.example/scene_city_street.png") String imageUrl,
            @Size(max = 2000) String promptUsed,
            Double generationTime,
            @Size(max = 32) String cost) {
    }
}
