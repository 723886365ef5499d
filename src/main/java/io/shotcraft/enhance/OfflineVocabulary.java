package io.shotcraft.enhance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Vocabulary;

/**
 * What the offline enhancer may add, per aspect: the phrases of vocabulary/enhance-phrases.txt, each with its tags.
 * Shot types are noun phrases ("low-angle medium shot"), camera movements and motions are clauses ("the camera
 * slowly dollies in", "snowflakes drift down through the frame"), lighting and colour are noun phrases; all start in
 * lower case and end without punctuation.
 */
final class OfflineVocabulary {

    private OfflineVocabulary() {
    }

    private static final Map<Aspect, List<OfflinePhrase>> BY_ASPECT = load();

    /** The entries for an aspect, in a fixed order (the seed picks among those that fit the scene). */
    static List<OfflinePhrase> phrases(Aspect aspect) {
        return BY_ASPECT.getOrDefault(aspect, List.of());
    }

    private static Map<Aspect, List<OfflinePhrase>> load() {
        var byAspect = new EnumMap<Aspect, List<OfflinePhrase>>(Aspect.class);
        for (Vocabulary.Entry entry : Vocabulary.of("enhance-phrases").entries()) {
            byAspect.computeIfAbsent(entry.key(Aspect.class), aspect -> new ArrayList<>()).add(phrase(entry));
        }
        byAspect.replaceAll((aspect, phrases) -> List.copyOf(phrases));
        return Collections.unmodifiableMap(byAspect);
    }

    /** "phrase; TAG, TAG": the text and its tags. */
    private static OfflinePhrase phrase(Vocabulary.Entry entry) {
        List<String> fields = entry.fields();
        if (fields.size() > 2) {
            throw entry.malformed("expected 'phrase; TAG, TAG'");
        }
        Set<OfflineTag> tags = fields.size() == 2 ? entry.constants(OfflineTag.class, fields.get(1)) : Set.of();
        return new OfflinePhrase(fields.getFirst(), tags);
    }
}
