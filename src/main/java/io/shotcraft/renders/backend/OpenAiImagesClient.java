package io.shotcraft.renders.backend;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** The OpenAI Images API's generation call, which many image servers implement too. */
@RegisterRestClient(configKey = OpenAiImagesBackend.NAME)
@Path("/v1/images")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface OpenAiImagesClient {

    @POST
    @Path("/generations")
    Uni<Images> generate(@HeaderParam("Authorization") String authorization, Generation request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return HttpFailures.of(OpenAiImagesBackend.NAME, response);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Generation(String model, String prompt, int n, String size, String responseFormat) {
    }

    record Images(List<Image> data) {
    }

    record Image(String b64Json, String url, String revisedPrompt) {
    }
}
