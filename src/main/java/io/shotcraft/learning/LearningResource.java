package io.shotcraft.learning;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.jobs.JobService;
import io.shotcraft.jobs.JobView;
import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.QueryParams;
import io.smallrye.mutiny.Uni;

/**
 * Learning (the design's training API under {@code /api/v1/learning}): studies and their versions, trials to rate
 * (jobs), ratings, status, history, evolutions and A/B tests.
 */
@Path("/api/v1/learning")
@Tag(name = "Learning", description = "Ratings of A/B renders drive Bayesian optimisation of parameters and evolution of prompt versions")
@Produces(MediaType.APPLICATION_JSON)
public class LearningResource {

    private final StudyService studies;
    private final TrialService trials;
    private final TrialImages images;
    private final RatingService ratings;
    private final StatusService status;
    private final Evolutions evolutions;
    private final LearningRepository repository;
    private final TrialJob trialKind;
    private final JobService jobs;
    private final LearningConfig config;

    public LearningResource(StudyService studies, TrialService trials, TrialImages images, RatingService ratings,
            StatusService status, Evolutions evolutions, LearningRepository repository, TrialJob trialKind,
            JobService jobs, LearningConfig config) {
        this.studies = studies;
        this.trials = trials;
        this.images = images;
        this.ratings = ratings;
        this.status = status;
        this.evolutions = evolutions;
        this.repository = repository;
        this.trialKind = trialKind;
        this.jobs = jobs;
        this.config = config;
    }

    // ---- studies ------------------------------------------------------------------------------------------------------

    @POST
    @Path("studies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a study: its parameter space, render backends, rules and first version")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StudyView.class)))
    @APIResponse(responseCode = "400", description = "Bad space, backend, rules or version file; errors[] names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<StudyView>> create(@Valid @NotNull StudyRequest request) {
        return studies.create(request).map(view -> RestResponse.ResponseBuilder.<StudyView> created(
                URI.create("/api/v1/learning/studies/" + view.id())).entity(view).build());
    }

    @GET
    @Path("studies")
    @Operation(summary = "Studies, most recent first")
    public Uni<Map<String, Object>> list(@RestQuery @Parameter(description = "1 to 100 (default 50)") String limit) {
        return studies.list(QueryParams.intIn("limit", limit, 50, 1, 100)).map(items -> Map.of("items", items));
    }

    @GET
    @Path("studies/{id}")
    @Operation(summary = "A study, with where its labels point")
    public Uni<StudyView> get(@RestPath String id) {
        var studyId = Ids.uuid(id);
        return studies.get(studyId).map(view -> found(view, studyId));
    }

    @POST
    @Path("studies/{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop Phase 1 by hand (the design's manual override)")
    public Uni<StudyView> stop(@RestPath String id, @Valid StopRequest request) {
        var studyId = Ids.uuid(id);
        return studies.stop(studyId, request == null ? null : request.stoppedBy()).map(view -> found(view, studyId));
    }

    @RegisterForReflection
    @Schema(name = "StopRequest")
    public record StopRequest(@Size(max = 200) String stoppedBy) {
    }

    // ---- versions -----------------------------------------------------------------------------------------------------

    @GET
    @Path("studies/{id}/versions")
    @Operation(summary = "The version lineage: every version with its labels and figures, as a tree")
    public Uni<Map<String, Object>> lineage(@RestPath String id) {
        var studyId = Ids.uuid(id);
        return studies.lineage(studyId).map(tree -> Map.of("lineage", found(tree, studyId)));
    }

    @POST
    @Path("studies/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a version in the design's file format (v1.2.3.json)")
    @APIResponse(responseCode = "201", description = "The version as exported")
    @APIResponse(responseCode = "409", description = "The study has a version of that name; versions never change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ObjectNode>> importVersion(@RestPath String id, @NotNull JsonNode file) {
        var studyId = Ids.uuid(id);
        return studies.importVersion(studyId, file).map(exported -> RestResponse.ResponseBuilder.<ObjectNode> created(
                URI.create("/api/v1/learning/studies/" + studyId + "/versions/" + exported.path("version").asText()))
                .entity(found(exported, studyId)).build());
    }

    @GET
    @Path("studies/{id}/versions/{version}")
    @Operation(summary = "A version in the design's file format, with its performance now")
    public Uni<ObjectNode> export(@RestPath String id, @RestPath String version) {
        var studyId = Ids.uuid(id);
        return studies.export(studyId, version).map(file -> {
            if (file == null) {
                throw ProblemException.notFound("Study " + studyId + " has no version " + clip(version));
            }
            return file;
        });
    }

    @PUT
    @Path("studies/{id}/labels/{label}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Point a label (current or candidate) at a version")
    public Uni<StudyView> label(@RestPath String id, @RestPath String label, @Valid @NotNull LabelRequest request) {
        var studyId = Ids.uuid(id);
        return studies.label(studyId, label, request.version()).map(view -> {
            if (view == null) {
                throw ProblemException.notFound("Study " + studyId + " has no version " + clip(request.version()));
            }
            return view;
        });
    }

    @RegisterForReflection
    @Schema(name = "LabelRequest")
    public record LabelRequest(@NotBlank @Size(max = 20) @Schema(examples = "v1.1.0") String version) {
    }

    // ---- trials -------------------------------------------------------------------------------------------------------

    @POST
    @Path("studies/{id}/trials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw a trial: the optimiser's two suggestions, each rendered, as a job",
            description = "202 with the job; Location is the trial. Events: trial_started, each option's stage_update, "
                    + "render_progress and render_result, trial_ready (the trial to rate), completed.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<RestResponse<JobView>> trial(@RestPath String id, @Valid TrialBody body) {
        var studyId = Ids.uuid(id);
        return submit(studyId, body == null ? null : body.prompt(), null, body == null ? null : body.mode());
    }

    @RegisterForReflection
    @Schema(name = "TrialBody")
    public record TrialBody(
            @Size(max = 2000) @Schema(examples = "a sunlit living room with an oak floor") String prompt,
            @Pattern(regexp = "structure|surfaces", message = "must be structure or surfaces") String mode) {
    }

    @POST
    @Path("studies/{id}/trials")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Draw a trial from an input image (multipart: image, prompt, mode), as a job")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "No image, or not a PNG, JPEG or WebP image",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<JobView>> trialWithImage(@RestPath String id, @RestForm("image") FileUpload image,
            @RestForm @Size(max = 2000) String prompt,
            @RestForm @Pattern(regexp = "structure|surfaces", message = "must be structure or surfaces") String mode) {
        var studyId = Ids.uuid(id);
        return studies.get(studyId).map(study -> found(study, studyId))
                .chain(study -> images.save(studyId, image))
                .chain(imageId -> submit(studyId, prompt, imageId, mode));
    }

    private Uni<RestResponse<JobView>> submit(UUID studyId, String prompt, UUID imageId, String mode) {
        return studies.get(studyId).map(study -> found(study, studyId))
                .chain(study -> jobs.submit(trialKind, new TrialRequest(studyId, prompt, imageId, mode)))
                .map(job -> RestResponse.ResponseBuilder.accepted(JobView.of(job))
                        .location(URI.create("/api/v1/learning/studies/" + studyId + "/trials/" + job.id)).build());
    }

    @GET
    @Path("studies/{id}/trials/{trial}")
    @Operation(summary = "A trial in the design's shape (experiment_id, options, original_url), with its ratings")
    public Uni<TrialView> getTrial(@RestPath String id, @RestPath String trial) {
        var studyId = Ids.uuid(id);
        var trialId = Ids.uuid(trial);
        return trials.view(studyId, trialId).map(view -> {
            if (view == null) {
                throw ProblemException.notFound("Study " + studyId + " has no trial " + trialId);
            }
            return view;
        });
    }

    @GET
    @Path("images/{id}")
    @Produces({ "image/png", "image/jpeg", "image/webp" })
    @Operation(summary = "A trial's input image")
    public Uni<Response> image(@RestPath String id) {
        var imageId = Ids.uuid(id);
        return repository.image(imageId).map(stored -> {
            if (stored == null) {
                throw ProblemException.notFound("No image " + imageId);
            }
            return Response.ok(stored.data(), stored.contentType())
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .header("X-Content-Type-Options", "nosniff").build();
        });
    }

    // ---- ratings, status, history -------------------------------------------------------------------------------------

    @POST
    @Path("studies/{id}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a trial's options, 1 to 5 (the design's /api/train/rate)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RatingResult.class)))
    @APIResponse(responseCode = "409", description = "The trial was already rated, is still rendering, or failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RatingResult> rate(@RestPath String id, @Valid @NotNull RatingRequest request) {
        var studyId = Ids.uuid(id);
        return ratings.rate(studyId, request).map(result -> found(result, studyId));
    }

    @GET
    @Path("studies/{id}/status")
    @Operation(summary = "Phase 1, phase 2, prompt evolution and the current best (the design's /api/train/status)")
    public Uni<Map<String, Object>> status(@RestPath String id) {
        var studyId = Ids.uuid(id);
        return status.status(studyId).map(result -> found(result, studyId));
    }

    @GET
    @Path("studies/{id}/history")
    @Operation(summary = "Rated trials, most recent first, and analytics (the design's /api/train/history)")
    public Uni<Map<String, Object>> history(@RestPath String id,
            @RestQuery @Parameter(description = "Trials, 1 to shotcraft.learning.history-max (200; default 50)") String limit,
            @RestQuery("min_rating") @Parameter(description = "Only trials with an option rated at least this, 1 to 5") String minRating,
            @RestQuery @Parameter(description = "Only trials with an option drawn on this api") String api) {
        var studyId = Ids.uuid(id);
        int max = QueryParams.intIn("limit", limit, Math.min(50, config.historyMax()), 1, config.historyMax());
        Integer min = minRating == null ? null : QueryParams.intIn("min_rating", minRating, 1, 1, 5);
        if (api != null && (api.isBlank() || api.length() > 64)) {
            throw QueryParams.invalid("api", "must be a value of the study's api dimension");
        }
        return status.history(studyId, max, min, api).map(result -> found(result, studyId));
    }

    // ---- evolutions and A/B tests -------------------------------------------------------------------------------------

    @POST
    @Path("studies/{id}/evolutions")
    @Operation(summary = "Evolve the current version now (the design's manual trigger), as a job")
    @APIResponse(responseCode = "202", description = "The evolution's job")
    @APIResponse(responseCode = "409", description = "An A/B test is queued or running, or no rating since the last evolution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<JobView>> evolve(@RestPath String id) {
        var studyId = Ids.uuid(id);
        return evolutions.manual(studyId).map(jobId -> found(jobId, studyId))
                .chain(jobs::find)
                .map(job -> RestResponse.ResponseBuilder.accepted(JobView.of(job))
                        .location(URI.create("/api/v1/jobs/" + job.id)).build());
    }

    @GET
    @Path("studies/{id}/ab-tests")
    @Operation(summary = "The study's A/B tests of evolved versions, oldest first, with their decisions and figures")
    public Uni<Map<String, Object>> abTests(@RestPath String id) {
        var studyId = Ids.uuid(id);
        return studies.get(studyId).map(study -> found(study, studyId))
                .chain(() -> repository.abTests(studyId)).map(tests -> Map.<String, Object> of("items", tests));
    }

    private static <T> T found(T value, UUID studyId) {
        if (value == null) {
            throw ProblemException.notFound("No study " + studyId);
        }
        return value;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
