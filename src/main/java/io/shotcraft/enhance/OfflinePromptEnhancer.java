package io.shotcraft.enhance;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.parameters.Aspect;

/**
 * Rewrites a short text-to-video prompt into a detailed cinematic one without any model: the engine used when no
 * LLM is configured, when the LLM fails, and in tests.
 *
 * <p>It keeps the user's words verbatim and in order and only adds what the prompt lacks among shot type, camera
 * movement, motion, lighting and colour/atmosphere, choosing each from a vocabulary by the seed while excluding
 * every entry that would contradict the scene (no golden hour at night, no drone shot in a kitchen). The result is
 * a pure function of its arguments; the class holds no mutable state and is safe to share between threads.
 */
@ApplicationScoped
public class OfflinePromptEnhancer {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    /** The aspects the enhancer adds, in priority order, which is also text order. */
    static final List<Aspect> ASPECTS = List.of(Aspect.IMAGE_CONTEXT, Aspect.SHOT_TYPE, Aspect.CAMERA_MOVEMENT,
            Aspect.MOTION, Aspect.LIGHTING, Aspect.COLOR_ATMOSPHERE);
    private static final List<Aspect> PHRASE_ASPECTS = ASPECTS.subList(1, ASPECTS.size());

    public OfflinePromptEnhancer() {
    }

    /**
     * Enhances a prompt.
     *
     * @param prompt       the user's prompt; its whitespace is normalised, its words are kept as they are
     * @param mode         {@link EnhanceMode#T2V}, or {@link EnhanceMode#I2V} for a prompt that animates an image
     *                     (then no shot type is added and camera moves stay gentle)
     * @param imageCaption for i2v, a description of the reference image (may be null or blank); the result opens
     *                     with it and respects it. Ignored for t2v
     * @param seed         picks among the fitting phrases: the same arguments always give the same result
     * @param maxWords     the most whitespace-separated words the result may have; aspects are added in priority
     *                     order (image context, shot type, camera movement, motion, lighting, colour) while they fit.
     *                     A prompt that alone has this many words or more is returned unchanged
     * @return the enhanced text and the aspects added to it
     */
    public OfflineEnhancement enhance(String prompt, EnhanceMode mode, String imageCaption, long seed, int maxWords) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(mode, "mode");
        String text = normalise(prompt);
        var bare = new OfflineDraft(text);
        if (text.isEmpty() || OfflineDraft.wordCount(text) >= maxWords) {
            return bare.result();
        }
        String caption = mode == EnhanceMode.I2V && imageCaption != null ? normalise(imageCaption) : "";
        var draft = caption.isEmpty() ? bare : bare.with(Aspect.IMAGE_CONTEXT, caption);
        if (draft.wordCount() > maxWords) {
            return bare.result();
        }
        var scene = OfflineScene.read(text, caption, mode);
        return addPhrases(draft, scene, seed ^ fingerprint(text), maxWords).result();
    }

    private static OfflineDraft addPhrases(OfflineDraft draft, OfflineScene scene, long stream, int maxWords) {
        for (Aspect aspect : PHRASE_ASPECTS) {
            List<OfflinePhrase> candidates = scene.covers(aspect) ? List.of() : scene.candidates(aspect);
            if (candidates.isEmpty()) {
                continue;
            }
            OfflinePhrase chosen = firstFitting(draft, aspect, candidates, scene, stream, maxWords);
            if (chosen == null) {
                return draft;
            }
            draft = draft.with(aspect, scene.render(chosen));
            scene.adopt(chosen);
        }
        return draft;
    }

    /** The stream's pick among the candidates, or the next one after it that keeps the draft within the budget. */
    private static OfflinePhrase firstFitting(OfflineDraft draft, Aspect aspect,
            List<OfflinePhrase> candidates, OfflineScene scene, long stream, int maxWords) {
        int first = pick(stream, ASPECTS.indexOf(aspect), candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            OfflinePhrase candidate = candidates.get((first + i) % candidates.size());
            if (draft.with(aspect, scene.render(candidate)).wordCount() <= maxWords) {
                return candidate;
            }
        }
        return null;
    }

    /** SplitMix64 of a seed and a salt, reduced to {@code [0, bound)}: a stateless, portable choice. */
    private static int pick(long seed, int salt, int bound) {
        long z = seed + (salt + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) Math.floorMod(z, (long) bound);
    }

    /** FNV-1a over the prompt's UTF-16 units, so that one seed still varies from prompt to prompt. */
    private static long fingerprint(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
        }
        return hash;
    }

    private static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
