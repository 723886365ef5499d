package io.shotcraft.clips;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The look every clip of a video shares. */
@RegisterForReflection
@Schema(name = "Style")
public record Style(
        @Size(max = 16) List<@NotNull @Pattern(regexp = "#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})",
                message = "must be a hex colour such as #00FFFF") String> colorPalette,
        @Size(max = 500) @Schema(examples = "cyberpunk neo-noir") String visualStyle,
        @Size(max = 500) @Schema(examples = "melancholic but hopeful") String mood,
        @Size(max = 500) @Schema(examples = "neon lighting with high contrast") String lighting,
        @Size(max = 500) @Schema(examples = "wide shots and slow tracking shots") String cinematography) {

    public static final Style EMPTY = new Style(List.of(), null, null, null, null);

    public List<String> paletteOrEmpty() {
        return colorPalette == null ? List.of() : colorPalette;
    }
}
