package io.shotcraft.clips;

import java.util.ArrayList;
import java.util.List;

import io.shotcraft.platform.text.Words;
import io.shotcraft.clips.offline.NegativePrompts;
import io.shotcraft.clips.offline.PromptText;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;

/**
 * The last check of a job's prompts before they leave: one prompt per clip script, indexes 0..N-1 in order,
 * durations within 0.25 s of end - start, at most {@code max_words} words, http(s) reference URLs only, complete
 * metadata, the same style keywords and the same normalised negative prompt on every clip. Minor faults are
 * fixed (and the clip then marked validated); a missing or extra clip, or an empty prompt, fails the generation.
 */
final class ClipValidator {

    static final double DURATION_TOLERANCE = 0.25;

    private ClipValidator() {
    }

    static List<ClipPrompt> validate(List<ClipScript> scripts, List<ClipPrompt> prompts, List<String> styleKeywords,
            String negativePrompt, int maxWords) {
        if (prompts.size() != scripts.size()) {
            throw failed("Made " + prompts.size() + " prompts for " + scripts.size() + " clip scripts");
        }
        var negative = NegativePrompts.normalize(negativePrompt);
        var validated = new ArrayList<ClipPrompt>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            var prompt = prompts.get(i);
            var script = scripts.get(i);
            if (prompt.clipIndex() != i || script.clipIndex() != i) {
                throw failed("Clip " + i + " is out of order: prompt " + prompt.clipIndex() + ", script " + script.clipIndex());
            }
            validated.add(check(prompt, script, styleKeywords, negative, maxWords));
        }
        return List.copyOf(validated);
    }

    private static ClipPrompt check(ClipPrompt clip, ClipScript script, List<String> styleKeywords, String negative,
            int maxWords) {
        var text = clip.prompt() == null ? "" : clip.prompt().strip();
        if (PromptText.hasUrl(text)) {
            text = PromptText.withoutUrls(text);
        }
        if (text.isEmpty()) {
            throw failed("Clip " + clip.clipIndex() + " has an empty prompt");
        }
        text = PromptText.truncate(text, maxWords);
        var warnings = new ArrayList<String>();
        var sceneUrl = clip.sceneReferenceUrl();
        if (sceneUrl != null && !ReferenceMapper.isHttpUrl(sceneUrl)) {
            warnings.add("scene reference URL was not http(s) and was dropped");
            sceneUrl = null;
        }
        var characterUrls = clip.characterReferenceUrls() == null ? List.<String> of()
                : clip.characterReferenceUrls().stream().filter(ReferenceMapper::isHttpUrl).toList();
        if (clip.characterReferenceUrls() != null && characterUrls.size() < clip.characterReferenceUrls().size()) {
            warnings.add("character reference URLs that were not http(s) were dropped");
        }
        double duration = Math.abs(clip.duration() - script.duration()) <= DURATION_TOLERANCE ? clip.duration() : script.duration();
        var metadata = clip.metadata().validated(Words.count(text), List.copyOf(styleKeywords), warnings);
        return new ClipPrompt(clip.clipIndex(), text, negative, duration, sceneUrl, characterUrls, metadata);
    }

    private static ProblemException failed(String detail) {
        return new ProblemException(ProblemType.GENERATION_FAILED, detail);
    }
}
