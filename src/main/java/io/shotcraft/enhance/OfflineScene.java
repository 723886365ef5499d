package io.shotcraft.enhance;

import io.shotcraft.platform.text.Lexicon;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the offline enhancer knows about one scene: its traits, the aspects the user already covered and its
 * subject. Read from the prompt and the image caption; grows as additions are chosen. Used by one call only.
 */
final class OfflineScene {

    private final EnumSet<OfflineTrait> traits;
    private final Set<OfflineAspect> covered;
    private final String subject;

    private OfflineScene(EnumSet<OfflineTrait> traits, Set<OfflineAspect> covered, String subject) {
        this.traits = traits;
        this.covered = covered;
        this.subject = subject;
    }

    static OfflineScene read(String prompt, String caption, EnhanceMode mode) {
        var promptWords = Lexicon.words(prompt);
        var captionWords = Lexicon.words(caption);
        var traits = EnumSet.noneOf(OfflineTrait.class);
        traits.addAll(OfflineLexicons.TRAITS.find(promptWords));
        traits.addAll(OfflineLexicons.TRAITS.find(captionWords));
        var covered = EnumSet.noneOf(OfflineAspect.class);
        covered.addAll(OfflineLexicons.PRESENT.find(promptWords));
        covered.addAll(OfflineLexicons.PRESENT.find(captionWords));
        if (mode == EnhanceMode.I2V) {
            traits.add(OfflineTrait.IMAGE);
            covered.add(OfflineAspect.SHOT_TYPE);
        }
        String noun = firstSubject(promptWords);
        if (noun == null) {
            noun = firstSubject(captionWords);
        }
        if (noun != null) {
            traits.add(OfflineLexicons.SUBJECTS.get(noun));
        }
        return new OfflineScene(traits, covered, noun == null ? null : "the " + noun);
    }

    private static String firstSubject(List<String> words) {
        return words.stream().filter(OfflineLexicons.SUBJECTS::containsKey).findFirst().orElse(null);
    }

    /** Whether the user already covered this aspect, or it is not the enhancer's to add (framing in i2v). */
    boolean covers(OfflineAspect aspect) {
        return covered.contains(aspect);
    }

    /**
     * The aspect's vocabulary entries that contradict nothing known about the scene, in vocabulary order. Entries
     * written for scenes like this one come twice, so that a rainy street gets rain more often than dust.
     */
    List<OfflinePhrase> candidates(OfflineAspect aspect) {
        var candidates = new ArrayList<OfflinePhrase>();
        for (OfflinePhrase phrase : OfflineVocabulary.phrases(aspect)) {
            if (phrase.fits(traits)) {
                candidates.add(phrase);
                if (phrase.situational()) {
                    candidates.add(phrase);
                }
            }
        }
        return candidates;
    }

    String render(OfflinePhrase phrase) {
        return phrase.render(subject);
    }

    /** Takes in what a chosen entry implies, so that later choices agree with it. */
    void adopt(OfflinePhrase phrase) {
        traits.addAll(phrase.implied());
    }
}
