package io.shotcraft.ui;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages the service serves itself; the browser reads the API for their data. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UiResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance studio();

        static native TemplateInstance enhance();

        static native TemplateInstance clips();

        static native TemplateInstance targets();

        static native TemplateInstance train();

        static native TemplateInstance job(String id);
    }

    /** The studio is the home page: the page starts a tuning session, or reloads the one its ?session= names. */
    @GET
    @Operation(hidden = true)
    public TemplateInstance studio() {
        return Templates.studio();
    }

    /** The studio's other address, kept for links that name it: sends the browser home with the same query. */
    @GET
    @Path("studio")
    @Operation(hidden = true)
    public RestResponse<Void> studioAlias(@Context UriInfo uri) {
        var query = uri.getRequestUri().getRawQuery();
        return RestResponse.seeOther(URI.create(query == null ? "/" : "/?" + query));
    }

    /** The form posts to the enhance API itself and shows its answer or its problem. */
    @GET
    @Path("enhance")
    @Operation(hidden = true)
    public TemplateInstance enhance() {
        return Templates.enhance();
    }

    /** The plan and its references go to the clip-prompts job; the page follows its events to the prompts. */
    @GET
    @Path("clips")
    @Operation(hidden = true)
    public TemplateInstance clips() {
        return Templates.clips();
    }

    /**
     * The groups come from the targets API; the selection and its source (a prompt, or the tuning session that
     * ?session= names) go to the target-prompts job, whose events the page follows to a card per model.
     */
    @GET
    @Path("targets")
    @Operation(hidden = true)
    public TemplateInstance targets() {
        return Templates.targets();
    }

    /**
     * A study picked or created through the learning API; its trials drawn as jobs whose events the page follows to
     * two options to rate, then its status, history and version lineage read back after each rating.
     */
    @GET
    @Path("train")
    @Operation(hidden = true)
    public TemplateInstance train() {
        return Templates.train();
    }

    /** Renders for any id: the page loads the job itself and shows the API's problem when there is none. */
    @GET
    @Path("jobs/{id}")
    @Operation(hidden = true)
    public TemplateInstance job(@RestPath String id) {
        return Templates.job(id);
    }
}
