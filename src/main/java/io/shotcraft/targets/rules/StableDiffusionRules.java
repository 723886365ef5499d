package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Parameter;

/**
 * Stable Diffusion as AUTOMATIC1111 and ComfyUI read it: emphasis {@code (term:1.2)}, {@code ((term))},
 * {@code [term]} well formed, brackets balanced and every weight (explicit or from nesting) within a configurable
 * range; the negative prompt kept separate; and CLIP's window: the text encoder sees 77 tokens, 75 of them usable, so
 * a longer prompt is split into chunks with {@code BREAK}, each within 75 tokens, and all of them within
 * {@code max_tokens}. Tokens are counted on the text without emphasis syntax by the counter given (the real one is a
 * CLIP BPE tokenizer counting without the start and end tokens). Parameters: {@code width}, {@code height} (multiples
 * of 8, 256–2048), {@code seed}, {@code cfg_scale} 1–30, {@code steps} 1–150. Options: {@code aspectRatio},
 * {@code seed}, and {@code cfg_scale}, {@code steps} in extra.
 */
public final class StableDiffusionRules implements ModelRules {

    public static final double DEFAULT_MIN_WEIGHT = 0.1;
    public static final double DEFAULT_MAX_WEIGHT = 2.0;
    static final String NAME = "stable_diffusion";
    static final int CHUNK_TOKENS = 75;

    private static final Pattern BREAK = Pattern.compile("\\bBREAK\\b");
    private static final String NEGATIVE_LABEL = "negative prompt:";
    private static final String SEPARATOR = " BREAK ";
    private static final Map<String, ParameterCheck> PARAMETERS = ParameterCheck.byName(
            ParameterCheck.integer("width", 256, 2048, 8),
            ParameterCheck.integer("height", 256, 2048, 8),
            ParameterCheck.wholeNumber("seed", 0, TargetOptions.MAX_SEED),
            ParameterCheck.number("cfg_scale", 1, 30),
            ParameterCheck.integer("steps", 1, 150, 1));
    private static final List<String> QUALITY = List.of("masterpiece", "best quality");
    private static final List<String> DETAIL = List.of("highly detailed", "sharp focus");
    /** How an offline prompt is written ({@code style} among a model's options): the variants of the SD group. */
    private static final java.util.Set<String> STYLES = java.util.Set.of("tags", "sentences", "minimal");
    private static final int MINIMAL_WORDS = 30;
    private static final String NEGATIVE = "lowres, worst quality, low quality, blurry, jpeg artifacts, bad anatomy, "
            + "bad hands, extra fingers, deformed, watermark, signature, text";

    private final ModelLimits limits;
    private final ToIntFunction<String> clipTokens;
    private final double minWeight;
    private final double maxWeight;

    /**
     * @param limits     characters per prompt and, when set, CLIP tokens over all chunks
     * @param clipTokens counts CLIP tokens of a text without start and end tokens
     * @param minWeight  the smallest attention weight allowed
     * @param maxWeight  the largest attention weight allowed
     */
    public StableDiffusionRules(ModelLimits limits, ToIntFunction<String> clipTokens, double minWeight,
            double maxWeight) {
        if (!(minWeight > 0 && minWeight < maxWeight)) {
            throw new IllegalArgumentException("weights need 0 < min < max, was " + minWeight + "–" + maxWeight);
        }
        this.limits = Objects.requireNonNull(limits);
        this.clipTokens = Objects.requireNonNull(clipTokens, "Stable Diffusion rules need a CLIP token counter");
        this.minWeight = minWeight;
        this.maxWeight = maxWeight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> violations(TargetPrompt prompt) {
        var violations = new ArrayList<String>();
        if (prompt.prompt().isBlank()) {
            return List.of("empty prompt: the prompt has no text");
        }
        if (prompt.prompt().toLowerCase(Locale.ROOT).contains(NEGATIVE_LABEL)) {
            violations.add("negative prompt separate: the prompt contains a 'Negative prompt:' part");
        }
        checkText("prompt", prompt.prompt(), violations);
        if (!prompt.negativePrompt().isBlank()) {
            checkText("negative prompt", prompt.negativePrompt(), violations);
        }
        ParameterCheck.checkAll(prompt.parameters(), PARAMETERS, "Stable Diffusion", violations);
        return List.copyOf(violations);
    }

    @Override
    public TargetPrompt adapt(TargetPrompt answer, TargetOptions options) {
        var warnings = new ArrayList<String>();
        String prompt = answer.prompt();
        String negative = answer.negativePrompt();
        int label = prompt.toLowerCase(Locale.ROOT).indexOf(NEGATIVE_LABEL);
        if (label >= 0) {
            String moved = prompt.substring(label + NEGATIVE_LABEL.length()).strip();
            negative = negative.isBlank() ? moved : negative.strip() + ", " + moved;
            prompt = prompt.substring(0, label);
            warnings.add("Moved the 'Negative prompt:' part into the negative prompt.");
        }
        prompt = normalise("prompt", prompt, warnings);
        negative = negative.isBlank() ? "" : normalise("negative prompt", negative, warnings);
        var parameters = new LinkedHashMap<String, Object>();
        ParameterCheck.keepKnown(answer.parameters(), PARAMETERS, "Stable Diffusion", parameters, warnings);
        applyOptions(parameters, options);
        return new TargetPrompt(prompt, negative, parameters, answer.warnings()).withWarnings(warnings);
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        var values = new LinkedHashMap<String, Object>();
        applyOptions(values, options);
        var scene = OfflineScene.of(sourcePrompt, parameters);
        var keywords = new ArrayList<String>();
        for (String keyword : scene.keywords()) {
            String clean = PromptText.tidy(keyword.replace(':', ' ').replace("BREAK", "break"));
            if (!clean.isEmpty()) {
                keywords.add(clean);
            }
        }
        if (keywords.isEmpty()) {
            keywords.add("a cinematic scene");
        }
        String style = Extras.choice(options, "style", STYLES);
        String prompt = switch (style == null ? "tags" : style) {
            // One or two natural sentences (the source, quoted safely), then a few style tags.
            case "sentences" -> fitted(new ArrayList<>(List.of(sentence(scene, keywords), DETAIL.getFirst())));
            // The subject and its style only, under 30 words.
            case "minimal" -> fitted(minimal(scene, keywords));
            // Tags, quality first, the subject weighted.
            default -> {
                if (scene.hasParts()) {
                    keywords.set(0, "(" + keywords.getFirst() + ":1.2)");
                }
                keywords.addAll(0, QUALITY);
                keywords.addAll(DETAIL);
                yield fitted(keywords);
            }
        };
        return new TargetPrompt(prompt, PromptText.cut(NEGATIVE, limits.maxChars()), values, List.of());
    }

    /** The scene as prose: the source when it names no parts, else its subject and place in one sentence. */
    private static String sentence(OfflineScene scene, List<String> keywords) {
        String text = scene.prose().isEmpty() ? String.join(", ", keywords) : scene.prose();
        return PromptText.tidy(AttentionSyntax.strip(text).replace(':', ' ').replace("BREAK", "break"));
    }

    /** The first keyword (subject and action, or the prose) and the style, cut to {@link #MINIMAL_WORDS} words. */
    private static List<String> minimal(OfflineScene scene, List<String> keywords) {
        var kept = new ArrayList<String>();
        kept.add(keywords.getFirst());
        if (scene.style() != null && !keywords.getFirst().equals(scene.style())) {
            kept.add(PromptText.tidy(scene.style().replace(':', ' ')));
        }
        var words = String.join(", ", kept).split("\\s+");
        if (words.length > MINIMAL_WORDS) {
            return new ArrayList<>(List.of(String.join(" ", java.util.Arrays.copyOf(words, MINIMAL_WORDS)).replaceAll("[,;]+$", "")));
        }
        return kept;
    }

    /** The keywords in BREAK chunks, dropping trailing keywords (then cutting the last) until every limit holds. */
    private String fitted(List<String> keywords) {
        var kept = new ArrayList<>(keywords);
        while (true) {
            String prompt = chunked(String.join(", ", kept), new ArrayList<>());
            if (fits(prompt) || kept.isEmpty()) {
                return prompt;
            }
            String last = kept.getLast();
            int shorter = last.length() * 3 / 4;
            if (kept.size() > QUALITY.size() + 1 || shorter < 1) {
                kept.removeLast();
            } else {
                kept.set(kept.size() - 1, PromptText.cut(PromptText.plain(AttentionSyntax.strip(last)), shorter));
            }
        }
    }

    private boolean fits(String prompt) {
        var check = new ArrayList<String>();
        checkText("prompt", prompt, check);
        return check.isEmpty();
    }

    private void checkText(String which, String text, List<String> violations) {
        if (text.length() > limits.maxChars()) {
            violations.add("too long: the " + which + " has " + text.length() + " characters, the limit is "
                    + limits.maxChars());
        }
        if (ForeignFlags.present(text)) {
            violations.add("no flags: the " + which + " has '--' parameters, which Stable Diffusion reads as words");
        }
        String[] chunks = BREAK.split(text, -1);
        int total = 0;
        for (int i = 0; i < chunks.length; i++) {
            var reading = AttentionSyntax.read(chunks[i], minWeight, maxWeight);
            for (String problem : reading.problems()) {
                violations.add(problem + " (" + which + ")");
            }
            if (reading.plain().isBlank()) {
                violations.add("empty chunk: the " + which + " has a BREAK with nothing on one side");
                continue;
            }
            int tokens = clipTokens.applyAsInt(reading.plain());
            total += tokens;
            if (tokens > CHUNK_TOKENS) {
                violations.add("token window: " + (chunks.length == 1 ? "the " + which : "chunk " + (i + 1) + " of the "
                        + which) + " has " + tokens + " CLIP tokens, more than " + CHUNK_TOKENS
                        + "; split it with BREAK");
            }
        }
        if (limits.maxTokens() != null && total > limits.maxTokens()) {
            violations.add("too long: the " + which + " has " + total + " CLIP tokens, the limit is "
                    + limits.maxTokens());
        }
    }

    /** Removes flags, repairs the emphasis syntax and splits windows over 75 tokens. */
    private String normalise(String which, String text, List<String> warnings) {
        String result = text;
        String withoutFlags = ForeignFlags.removed(result);
        if (withoutFlags != null) {
            result = withoutFlags;
            warnings.add("Removed '--' flags from the " + which + ".");
        }
        var reading = AttentionSyntax.read(result, minWeight, maxWeight);
        if (!reading.edits().isEmpty()) {
            result = reading.repaired(result);
            warnings.add("Repaired the emphasis syntax of the " + which + ": " + reading.problems().getFirst() + ".");
        }
        return chunked(PromptText.tidy(result.replace('\n', ' ')), warnings);
    }

    /** The text with every chunk over 75 tokens split at top-level commas (or words) into BREAK chunks. */
    private String chunked(String text, List<String> warnings) {
        var out = new ArrayList<String>();
        boolean split = false;
        for (String chunk : BREAK.split(text)) {
            String trimmed = PromptText.tidy(chunk);
            if (trimmed.isEmpty()) {
                split = true;
                continue;
            }
            if (tokens(trimmed) <= CHUNK_TOKENS) {
                out.add(trimmed);
            } else {
                split = true;
                splitChunk(trimmed, out);
            }
        }
        if (split) {
            warnings.add("Split the prompt into BREAK chunks of at most " + CHUNK_TOKENS + " CLIP tokens.");
        }
        return String.join(SEPARATOR, out);
    }

    private void splitChunk(String chunk, List<String> out) {
        var current = new StringBuilder();
        for (String piece : topLevelPieces(chunk)) {
            String candidate = current.isEmpty() ? piece : current + ", " + piece;
            if (tokens(candidate) <= CHUNK_TOKENS) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (tokens(piece) <= CHUNK_TOKENS) {
                current.append(piece);
            } else {
                splitWords(PromptText.plain(AttentionSyntax.strip(piece)), out);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
    }

    private void splitWords(String text, List<String> out) {
        var current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (tokens(candidate) <= CHUNK_TOKENS || current.isEmpty()) {
                current.setLength(0);
                current.append(candidate);
            } else {
                out.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
    }

    /** The comma-separated parts outside brackets, each trimmed, empty ones left out. */
    private static List<String> topLevelPieces(String text) {
        var pieces = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && (depth == 0 || i == text.length())) {
                String piece = text.substring(start, i).strip();
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
                start = i + 1;
            }
        }
        return pieces;
    }

    private int tokens(String text) {
        return clipTokens.applyAsInt(AttentionSyntax.strip(text));
    }

    private void applyOptions(Map<String, Object> parameters, TargetOptions options) {
        if (options.aspectRatio() != null) {
            var size = Dimensions.of(options.ratio(), 1024 * 1024, 64, 256, 2048);
            parameters.put("width", size.width());
            parameters.put("height", size.height());
        }
        if (options.seed() != null) {
            parameters.put("seed", options.seed());
        }
        Integer cfg = Extras.integer(options, "cfg_scale", 1, 30);
        if (cfg != null) {
            parameters.put("cfg_scale", cfg.doubleValue());
        }
        Integer steps = Extras.integer(options, "steps", 1, 150);
        if (steps != null) {
            parameters.put("steps", steps);
        }
    }
}
