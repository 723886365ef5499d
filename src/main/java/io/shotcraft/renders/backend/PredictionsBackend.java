package io.shotcraft.renders.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.shotcraft.renders.RendersConfig;
import io.shotcraft.renders.backend.BackendFailure.Reason;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code predictions}: creates a prediction ({@code POST /v1/predictions}, the model as {@code version}), then polls
 * it ({@code GET /v1/predictions/{id}}) with a growing wait through {@code starting} and {@code processing} to
 * {@code succeeded}, {@code failed} or {@code canceled}, reporting each status and the percentage its logs' progress
 * bar shows. The outputs are URLs on the backend's delivery hosts. A render is stopped with
 * {@code POST /v1/predictions/{id}/cancel}.
 */
@Singleton
public class PredictionsBackend extends RemoteBackend {

    public static final String NAME = "predictions";
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "canceled");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    private final PredictionsClient client;

    public PredictionsBackend(@RestClient PredictionsClient client, RendersConfig renders, Downloader downloader,
            @ConfigProperty(name = "quarkus.rest-client.predictions.url") Optional<String> url) {
        super(NAME, renders, renders.predictions(), downloader, url);
        this.client = client;
    }

    /** Hosted video models are predictions too. */
    @Override
    public boolean videos() {
        return true;
    }

    @Override
    public Uni<BackendResult> render(RenderSpec spec, RenderProgress progress) {
        return guard.create("prediction", () -> client.create(bearer(), new PredictionsClient.Create(spec.model(), input(spec))))
                .call(created -> progress.accepted(created.id()))
                .call(created -> report(created, progress))
                .chain(created -> FINAL.contains(created.status()) ? Uni.createFrom().item(created)
                        : new Poller<>(NAME, renders.poll(), config.deadline().orElse(renders.deadline()),
                                () -> guard.read("prediction status", () -> client.get(bearer(), created.id())),
                                prediction -> FINAL.contains(prediction.status()),
                                prediction -> report(prediction, progress)).run())
                .chain(done -> outcome(spec, done));
    }

    @Override
    public Uni<Boolean> cancel(String backendId) {
        return guard.read("cancel", () -> client.cancel(bearer(), backendId)).replaceWith(true);
    }

    /** The inputs most image and video models take, those the request gives. */
    static Map<String, Object> input(RenderSpec spec) {
        var input = new LinkedHashMap<String, Object>();
        input.put("prompt", spec.prompt());
        put(input, "negative_prompt", spec.negativePrompt());
        input.put("width", spec.width());
        input.put("height", spec.height());
        input.put("aspect_ratio", spec.aspectRatio());
        put(input, "seed", spec.seed());
        put(input, "num_inference_steps", spec.steps());
        put(input, "guidance_scale", spec.guidance());
        put(input, "duration", spec.durationSeconds());
        // the model's own inputs, by its own names (the check refused any that would overwrite the ones above)
        input.putAll(spec.modelInputs());
        if (spec.count() > 1) {
            input.put("num_outputs", spec.count());
        }
        return input;
    }

    private static void put(Map<String, Object> input, String name, Object value) {
        if (value != null) {
            input.put(name, value);
        }
    }

    private static Uni<Void> report(PredictionsClient.Prediction prediction, RenderProgress progress) {
        return progress.status(prediction.status(), percent(prediction));
    }

    private Uni<BackendResult> outcome(RenderSpec spec, PredictionsClient.Prediction done) {
        return switch (done.status()) {
            case "succeeded" -> outputs(done).map(outputs -> new BackendResult(outputs, spec.model(), done.id(), false, List.of()));
            case "canceled" -> Uni.createFrom().failure(new BackendFailure(NAME, Reason.CANCELED, "the prediction was canceled at the backend"));
            default -> Uni.createFrom().failure(new BackendFailure(NAME, Reason.FAILED, "the prediction failed"
                    + (done.error() == null ? "" : ": " + HttpFailures.cut(done.error()))));
        };
    }

    private Uni<List<BackendOutput>> outputs(PredictionsClient.Prediction done) {
        var urls = new ArrayList<String>();
        var output = done.output();
        if (output != null && output.isTextual()) {
            urls.add(output.asText());
        } else if (output != null && output.isArray()) {
            output.forEach(item -> {
                if (item.isTextual()) {
                    urls.add(item.asText());
                }
            });
        }
        if (urls.isEmpty()) {
            return Uni.createFrom().failure(new BackendFailure(NAME, Reason.INVALID_OUTPUT, "the prediction succeeded without an output URL"));
        }
        return Multi.createFrom().iterable(urls)
                .onItem().transformToUniAndConcatenate(url -> downloader.fetch(NAME, url, hosts))
                .collect().asList();
    }

    /** The last percentage of the logs' progress bar, if any. */
    static Integer percent(PredictionsClient.Prediction prediction) {
        if ("succeeded".equals(prediction.status())) {
            return 100;
        }
        var logs = prediction.logs();
        if (logs == null || logs.isEmpty()) {
            return null;
        }
        var matcher = PERCENT.matcher(logs.substring(Math.max(0, logs.length() - 500)));
        Integer found = null;
        while (matcher.find()) {
            found = Math.min(100, Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

}
