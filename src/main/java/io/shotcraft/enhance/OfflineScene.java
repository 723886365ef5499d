package io.shotcraft.enhance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.SceneVocabulary;
import io.shotcraft.parameters.Trait;

/**
 * What the offline enhancer knows about one scene: its traits, the aspects the user already covered and its
 * subject. Read from the prompt and the image caption; grows as additions are chosen. Used by one call only.
 */
final class OfflineScene {

    private final EnumSet<Trait> traits;
    private final Set<Aspect> covered;
    private final String subject;

    private OfflineScene(EnumSet<Trait> traits, Set<Aspect> covered, String subject) {
        this.traits = traits;
        this.covered = covered;
        this.subject = subject;
    }

    static OfflineScene read(String prompt, String caption, EnhanceMode mode) {
        var promptWords = Mentions.words(prompt);
        var captionWords = Mentions.words(caption);
        var traits = EnumSet.noneOf(Trait.class);
        traits.addAll(SceneVocabulary.traits(promptWords));
        traits.addAll(SceneVocabulary.traits(captionWords));
        // Who is there comes from the noun the additions will name ("the fox"), not from "she" or "foxes".
        traits.removeIf(Trait::subject);
        var covered = EnumSet.noneOf(Aspect.class);
        covered.addAll(SceneVocabulary.covered(promptWords));
        covered.addAll(SceneVocabulary.covered(captionWords));
        if (mode == EnhanceMode.I2V) {
            traits.add(Trait.IMAGE);
            covered.add(Aspect.SHOT_TYPE);
        }
        Optional<SceneVocabulary.Subject> subject =
                SceneVocabulary.firstSubject(promptWords).or(() -> SceneVocabulary.firstSubject(captionWords));
        subject.ifPresent(named -> traits.addAll(SceneVocabulary.subjectTraits(named.kind())));
        return new OfflineScene(traits, covered, subject.map(named -> "the " + named.noun()).orElse(null));
    }

    /** Whether the user already covered this aspect, or it is not the enhancer's to add (framing in i2v). */
    boolean covers(Aspect aspect) {
        return covered.contains(aspect);
    }

    /**
     * The aspect's vocabulary entries that contradict nothing known about the scene, in vocabulary order. Entries
     * written for scenes like this one come twice, so that a rainy street gets rain more often than dust.
     */
    List<OfflinePhrase> candidates(Aspect aspect) {
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
