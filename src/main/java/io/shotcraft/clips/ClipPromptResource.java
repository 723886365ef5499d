package io.shotcraft.clips;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.RequestIds;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/clip-prompts")
@Tag(name = "Clips", description = "A music video's ScenePlan and reference images into one prompt per clip")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClipPromptResource {

    private final ClipPromptService service;
    private final ClipRequests requests;

    public ClipPromptResource(ClipPromptService service, ClipRequests requests) {
        this.service = service;
        this.requests = requests;
    }

    @POST
    @Operation(summary = "Write one prompt per clip",
            description = "One model call per batch of clips (20 by default) rewrites the template prompts; a clip whose "
                    + "model prompt breaks a rule keeps its template, and templates answer whenever the model cannot.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClipPrompts.class)))
    @APIResponse(responseCode = "400", description = "Invalid plan, references or options; errors[] names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "500", description = "No prompt could be made (generation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ClipPrompts> generate(@Valid @NotNull ClipPromptsRequest request, @RestHeader(RequestIds.HEADER) String requestId) {
        requests.check(request, "");
        return service.generate(request, null, requestId, ClipPromptService.Progress.NONE);
    }
}
