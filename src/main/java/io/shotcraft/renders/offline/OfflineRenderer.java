package io.shotcraft.renders.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shotcraft.platform.Workers;
import io.shotcraft.renders.RendersConfig;
import io.shotcraft.renders.backend.BackendOutput;
import io.shotcraft.renders.backend.BackendResult;
import io.shotcraft.renders.backend.MediaTypes;
import io.shotcraft.renders.backend.RenderBackend;
import io.shotcraft.renders.backend.RenderProgress;
import io.shotcraft.renders.backend.RenderSpec;
import io.smallrye.mutiny.Uni;

/**
 * {@code offline}: the built-in renderer, always there, so that every flow runs without a generator. It draws a
 * labelled preview PNG of the requested size (scaled down to {@code shotcraft.renders.offline-max-pixels}): the
 * prompt's colours, the prompt, its main parameters and its aspect ratio. Deterministic: the same prompt, model and
 * parameters give the same bytes (the seed, when none is given, is derived from them). Its results say they are
 * previews, in the API and in the PNG's own text chunks.
 */
@ApplicationScoped
public class OfflineRenderer implements RenderBackend {

    public static final String NAME = "offline";
    public static final String MODEL = "shotcraft-preview-1";
    private static final int MAX_PALETTE = 5;

    private final int maxPixels;

    @Inject
    public OfflineRenderer(RendersConfig config) {
        this(config.offlineMaxPixels());
    }

    OfflineRenderer(int maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** A video is drawn as a still preview, with a warning. */
    @Override
    public boolean videos() {
        return true;
    }

    @Override
    public String defaultModel() {
        return MODEL;
    }

    @Override
    public Uni<BackendResult> render(RenderSpec spec, RenderProgress progress) {
        return progress.status("drawing", null).chain(() -> Workers.run(() -> draw(spec)));
    }

    /** The previews of a render, with what they could not show as asked. */
    BackendResult draw(RenderSpec asked) {
        var warnings = new ArrayList<String>();
        var spec = capped(asked, warnings);
        if (spec.video()) {
            warnings.add("the offline backend draws a still preview of the video");
        }
        if (!spec.modelInputs().isEmpty()) {
            warnings.add("model_inputs " + spec.modelInputs().keySet() + " are not used by the offline previews");
        }
        var palette = Palette.named(spec.prompt(), MAX_PALETTE);
        long seed = spec.seed() != null ? spec.seed() : derivedSeed(spec);
        var outputs = new ArrayList<BackendOutput>();
        for (int i = 0; i < spec.count(); i++) {
            var canvas = PreviewImage.draw(new PreviewImage.Content(spec.width(), spec.height(), seed + i, spec.prompt(),
                    details(spec, seed + i, palette), palette));
            var png = PngWriter.encode(canvas.width, canvas.height, canvas.rgb,
                    "Software", "Shotcraft offline renderer (" + MODEL + ")", "Description", "Preview, not a generated image");
            outputs.add(new BackendOutput(png, MediaTypes.PNG, canvas.width, canvas.height));
        }
        return new BackendResult(outputs, spec.model() == null ? MODEL : spec.model(), null, true, List.copyOf(warnings));
    }

    private RenderSpec capped(RenderSpec spec, List<String> warnings) {
        long pixels = (long) spec.width() * spec.height();
        if (pixels <= maxPixels) {
            return spec;
        }
        double scale = Math.sqrt((double) maxPixels / pixels);
        int width = Math.max(1, (int) Math.floor(spec.width() * scale));
        int height = Math.max(1, (int) Math.floor(spec.height() * scale));
        warnings.add("the preview is drawn at " + width + "x" + height + ", the largest the offline backend draws, not "
                + spec.size());
        return spec.withSize(width, height);
    }

    private static List<String> details(RenderSpec spec, long seed, List<Palette.Colour> palette) {
        var lines = new ArrayList<String>();
        lines.add(spec.size() + " | " + spec.aspectRatio() + (spec.video() ? " | video " + number(spec.durationSeconds()) + " s" : ""));
        var sampling = new StringBuilder("seed " + seed);
        if (spec.steps() != null) {
            sampling.append(" | steps ").append(spec.steps());
        }
        if (spec.guidance() != null) {
            sampling.append(" | guidance ").append(number(spec.guidance()));
        }
        lines.add(sampling.toString());
        lines.add("model " + (spec.model() == null ? MODEL : spec.model()));
        if (!palette.isEmpty()) {
            lines.add("palette " + palette.stream().map(Palette.Colour::name).collect(Collectors.joining(", ")));
        }
        if (spec.negativePrompt() != null) {
            lines.add("not: " + spec.negativePrompt());
        }
        return lines;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }

    /** A seed from everything the preview shows, so that the same input always draws the same picture. */
    static long derivedSeed(RenderSpec spec) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", spec.prompt(),
                    String.valueOf(spec.negativePrompt()), String.valueOf(spec.model())).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 4; i++) {
                seed = seed << 8 | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
