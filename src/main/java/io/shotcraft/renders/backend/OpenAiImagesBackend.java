package io.shotcraft.renders.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.shotcraft.renders.RendersConfig;
import io.shotcraft.renders.backend.BackendFailure.Reason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code openai-images}: one synchronous call ({@code POST /v1/images/generations}) whose answer holds each image as
 * base64 ({@code b64_json}) or as a URL on the backend's hosts. The API has no negative prompt, seed, steps or
 * guidance: they are left out with a warning rather than refused by a strict server.
 */
@Singleton
public class OpenAiImagesBackend extends RemoteBackend {

    public static final String NAME = "openai-images";

    private final OpenAiImagesClient client;

    public OpenAiImagesBackend(@RestClient OpenAiImagesClient client, RendersConfig config, Downloader downloader,
            @ConfigProperty(name = "quarkus.rest-client.openai-images.url") Optional<String> url) {
        super(NAME, config, config.openaiImages(), downloader, url);
        this.client = client;
    }

    @Override
    public Uni<BackendResult> render(RenderSpec spec, RenderProgress progress) {
        var warnings = new ArrayList<String>();
        ignored(warnings, spec.negativePrompt() != null, "negative_prompt");
        ignored(warnings, spec.seed() != null, "seed");
        ignored(warnings, spec.steps() != null, "steps");
        ignored(warnings, spec.guidance() != null, "guidance");
        ignored(warnings, !spec.modelInputs().isEmpty(), "model_inputs " + spec.modelInputs().keySet());
        // gpt-image models always answer base64 and refuse the parameter; DALL·E and most other servers take it.
        var format = spec.model() != null && spec.model().startsWith("gpt-image") ? null : "b64_json";
        var request = new OpenAiImagesClient.Generation(spec.model(), spec.prompt(), spec.count(), spec.size(), format);
        return progress.status("generating", null)
                .chain(() -> guard.create("image generation", () -> client.generate(bearer(), request)))
                .chain(images -> outputs(images == null ? null : images.data()))
                .map(outputs -> new BackendResult(outputs, spec.model(), null, false, List.copyOf(warnings)));
    }

    private Uni<List<BackendOutput>> outputs(List<OpenAiImagesClient.Image> images) {
        if (images == null || images.isEmpty()) {
            return Uni.createFrom().failure(new BackendFailure(NAME, Reason.INVALID_OUTPUT, "the answer holds no image"));
        }
        return Multi.createFrom().iterable(images)
                .onItem().transformToUniAndConcatenate(image -> {
                    if (image.b64Json() != null) {
                        return Uni.createFrom().item(() -> downloader.decodeBase64(NAME, image.b64Json()));
                    }
                    return downloader.fetch(NAME, image.url(), hosts);
                })
                .collect().asList();
    }


    private static void ignored(List<String> warnings, boolean given, String parameter) {
        if (given) {
            warnings.add(parameter + " is not part of the OpenAI Images API: not sent");
        }
    }
}
