package io.shotcraft.renders.backend;

import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** The create-then-poll predictions API of hosted model services such as Replicate. */
@RegisterRestClient(configKey = PredictionsBackend.NAME)
@Path("/v1/predictions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PredictionsClient {

    @POST
    Uni<Prediction> create(@HeaderParam("Authorization") String authorization, Create request);

    @GET
    @Path("/{id}")
    Uni<Prediction> get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/{id}/cancel")
    Uni<Prediction> cancel(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return HttpFailures.of(PredictionsBackend.NAME, response);
    }

    record Create(String version, Map<String, Object> input) {
    }

    /** {@code output} is a URL or a list of URLs; {@code logs} may end in a progress bar ("45%|…"). */
    record Prediction(String id, String status, JsonNode output, String error, String logs) {
    }
}
