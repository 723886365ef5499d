package io.shotcraft.enhance;

import io.shotcraft.parameters.Vocabulary;
import io.shotcraft.platform.text.Lexicon;

import java.util.HashMap;
import java.util.Map;

/**
 * The words by which the offline enhancer reads a prompt: what the scene is (vocabulary/enhance-traits.txt), what it
 * already says (enhance-aspects.txt), who is in it (enhance-subjects.txt).
 */
final class OfflineLexicons {

    private OfflineLexicons() {
    }

    /** Scene traits. Ambiguous words are read the cautious way: "dark" makes it night, "bar" makes it indoors. */
    static final Lexicon<OfflineTrait> TRAITS =
            Lexicon.of(OfflineTrait.class, Vocabulary.of("enhance-traits").termsBy(OfflineTrait.class));

    /** Words showing that the prompt already covers an aspect. */
    static final Lexicon<OfflineAspect> PRESENT =
            Lexicon.of(OfflineAspect.class, Vocabulary.of("enhance-aspects").termsBy(OfflineAspect.class));

    /** Singular nouns that name a subject, with its kind (a person, a furry or feathered animal, a creature). */
    static final Map<String, OfflineTrait> SUBJECTS = subjects();

    private static Map<String, OfflineTrait> subjects() {
        var subjects = new HashMap<String, OfflineTrait>();
        Vocabulary.of("enhance-subjects").termsBy(OfflineTrait.class)
                .forEach((kind, nouns) -> nouns.forEach(noun -> subjects.putIfAbsent(noun, kind)));
        return Map.copyOf(subjects);
    }
}
