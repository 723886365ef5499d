package io.shotcraft.renders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One stored output as the API describes it; {@code url} serves its bytes. */
@RegisterForReflection
@Schema(name = "RenderOutput")
public record RenderOutput(
        int index,
        @Schema(examples = "/api/v1/renders/6f1c…/output/0") String url,
        @Schema(examples = "image/png") String contentType,
        @Schema(description = "Size in bytes") long bytes,
        Integer width,
        Integer height,
        @Schema(description = "SHA-256 of the bytes (hex); also the download's ETag") String sha256) {

    public static String url(java.util.UUID renderId, int index) {
        return "/api/v1/renders/" + renderId + "/output/" + index;
    }
}
