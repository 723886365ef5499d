package io.shotcraft.clips;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A music video's plan: one script per clip, the job-wide style, and the characters and scenes clips name. */
@RegisterForReflection
@Schema(name = "ScenePlan")
public record ScenePlan(
        @NotEmpty List<@Valid @NotNull ClipScript> clipScripts,
        @Valid Style style,
        @Size(max = 200) List<@Valid @NotNull PlanElement> characters,
        @Size(max = 200) List<@Valid @NotNull PlanElement> scenes,
        @Schema(type = SchemaType.ARRAY, description = "Accepted; transitions do not change the prompts") JsonNode transitions) {

    public Style styleOrEmpty() {
        return style == null ? Style.EMPTY : style;
    }

    public List<PlanElement> charactersOrEmpty() {
        return characters == null ? List.of() : characters;
    }

    public List<PlanElement> scenesOrEmpty() {
        return scenes == null ? List.of() : scenes;
    }
}
