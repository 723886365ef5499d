package io.shotcraft.enhance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.RequestIds;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/enhance")
@Tag(name = "Enhance", description = "Rewrite a short prompt into a detailed cinematic one")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnhanceResource {

    private final EnhanceService service;

    public EnhanceResource(EnhanceService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Enhance a prompt",
            description = "Never fails because a model failed: the offline engine answers instead, and says why.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "t2v",
            value = "{\"prompt\":\"a fox crossing a snowy road at night\",\"seed\":42,\"max_words\":120}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EnhanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EnhanceResponse> enhance(@Valid @NotNull EnhanceRequest request, @RestHeader(RequestIds.HEADER) String requestId) {
        if (request.modeOrDefault() == EnhanceMode.I2V && blank(request.imageUrl()) && blank(request.imageCaption())) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "i2v needs image_url or image_caption")
                    .withErrors(java.util.List.of(new Problem.FieldError("image_url", "image_url or image_caption is required for i2v"))));
        }
        return service.enhance(request, requestId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
