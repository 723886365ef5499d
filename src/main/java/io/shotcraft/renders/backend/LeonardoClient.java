package io.shotcraft.renders.backend;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** Leonardo.Ai's generations API (the client's URL ends in {@code /api/rest/v1}); its names mix camelCase and snake_case. */
@RegisterRestClient(configKey = LeonardoBackend.NAME)
@Path("/generations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface LeonardoClient {

    @POST
    Uni<Created> create(@HeaderParam("Authorization") String authorization, Generation request);

    @GET
    @Path("/{id}")
    Uni<Status> get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return HttpFailures.of(LeonardoBackend.NAME, response);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Generation(String prompt, String negativePrompt, @JsonProperty("modelId") String modelId, int width, int height,
            int numImages, Long seed, Double guidanceScale, Integer numInferenceSteps) {
    }

    record Created(@JsonProperty("sdGenerationJob") Job sdGenerationJob) {
    }

    record Job(@JsonProperty("generationId") String generationId, @JsonProperty("apiCreditCost") Double apiCreditCost) {
    }

    record Status(Generated generationsByPk) {
    }

    /** {@code status}: PENDING, COMPLETE or FAILED. */
    record Generated(String status, List<Image> generatedImages) {
    }

    record Image(String id, String url) {
    }
}
