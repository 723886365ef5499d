package io.shotcraft.targets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestQuery;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.RequestIds;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/targets")
@Tag(name = "Targets", description = "Prompts tailored to chosen target-model groups, from merged instructions and schemas")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService service;

    public TargetResource(TargetService service) {
        this.service = service;
    }

    @GET
    @Path("/groups")
    @Operation(summary = "List a category's model groups", description = "Numbered from 1 in the order a selection uses.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TargetGroupList.class)))
    @APIResponse(responseCode = "400", description = "Unknown category",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetGroupList groups(@RestQuery String category) {
        return TargetGroupList.of(service.category(category == null ? "image_generation" : category, ""));
    }

    @POST
    @Path("/prompts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write prompts for the selected model groups",
            description = "One model call writes every selected model's prompt from the selection's merged instructions "
                    + "and schema; each prompt is held to its model's rules, and one that breaks them is replaced by the "
                    + "offline engine's, with a warning. With a session_id, the session remembers the selection.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TargetPrompts.class)))
    @APIResponse(responseCode = "400", description = "Invalid category, selection, source or options; errors[] names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TargetPrompts> prompts(@Valid @NotNull TargetPromptsRequest request, @RestHeader(RequestIds.HEADER) String requestId) {
        service.check(request, "");
        return service.generate(request, requestId, TargetService.Progress.NONE);
    }
}
