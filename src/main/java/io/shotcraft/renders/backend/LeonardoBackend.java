package io.shotcraft.renders.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.shotcraft.renders.RendersConfig;
import io.shotcraft.renders.backend.BackendFailure.Reason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code leonardo}: creates a generation ({@code POST /generations}), then polls {@code GET /generations/{id}} until
 * its status is COMPLETE (the images are URLs on Leonardo's CDN) or FAILED. Leonardo gives no percentage and no way to
 * stop a generation: cancelling a render stops the polling only.
 */
@Singleton
public class LeonardoBackend extends RemoteBackend {

    public static final String NAME = "leonardo";

    private final LeonardoClient client;

    public LeonardoBackend(@RestClient LeonardoClient client, RendersConfig renders, Downloader downloader,
            @ConfigProperty(name = "quarkus.rest-client.leonardo.url") Optional<String> url) {
        super(NAME, renders, renders.leonardo(), downloader, url);
        this.client = client;
    }

    @Override
    public Uni<BackendResult> render(RenderSpec spec, RenderProgress progress) {
        var request = new LeonardoClient.Generation(spec.prompt(), spec.negativePrompt(), spec.model(), spec.width(),
                spec.height(), spec.count(), spec.seed(), spec.guidance(), spec.steps());
        return guard.create("generation", () -> client.create(bearer(), request))
                .map(created -> {
                    if (created == null || created.sdGenerationJob() == null || created.sdGenerationJob().generationId() == null) {
                        throw new BackendFailure(NAME, Reason.INVALID_OUTPUT, "the answer holds no generation id");
                    }
                    return created.sdGenerationJob().generationId();
                })
                .call(id -> progress.accepted(id))
                .chain(id -> new Poller<>(NAME, renders.poll(), config.deadline().orElse(renders.deadline()),
                        () -> guard.read("generation status", () -> client.get(bearer(), id)),
                        status -> done(status(status)),
                        status -> progress.status(status(status).toLowerCase(Locale.ROOT), null)).run()
                        .chain(status -> outcome(spec, id, status)));
    }

    private static String status(LeonardoClient.Status status) {
        return status == null || status.generationsByPk() == null || status.generationsByPk().status() == null
                ? "PENDING" : status.generationsByPk().status();
    }

    private static boolean done(String status) {
        return status.equals("COMPLETE") || status.equals("FAILED");
    }

    private Uni<BackendResult> outcome(RenderSpec spec, String id, LeonardoClient.Status status) {
        if (status(status).equals("FAILED")) {
            return Uni.createFrom().failure(new BackendFailure(NAME, Reason.FAILED, "the generation failed"));
        }
        var urls = new ArrayList<String>();
        var images = status.generationsByPk().generatedImages();
        if (images != null) {
            images.stream().filter(image -> image.url() != null).forEach(image -> urls.add(image.url()));
        }
        if (urls.isEmpty()) {
            return Uni.createFrom().failure(new BackendFailure(NAME, Reason.INVALID_OUTPUT, "the generation completed without an image"));
        }
        return Multi.createFrom().iterable(urls)
                .onItem().transformToUniAndConcatenate(url -> downloader.fetch(NAME, url, hosts))
                .collect().asList()
                .map(outputs -> new BackendResult(outputs, spec.model(), id, false, spec.modelInputs().isEmpty() ? List.of()
                        : List.of("model_inputs " + spec.modelInputs().keySet() + " are not sent to Leonardo (its generation "
                                + "body has fixed fields)")));
    }

}
