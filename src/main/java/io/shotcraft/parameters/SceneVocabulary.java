package io.shotcraft.parameters;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one vocabulary by which the offline enhancer and suggester read a scene: its traits (vocabulary/
 * scene-traits.txt), who is in it (subjects.txt) and which aspects a text already covers (aspect-terms.txt). Read
 * once; stateless and thread-safe.
 */
public final class SceneVocabulary {

    /** A noun naming the subject of a scene, in the singular, and its kind ({@link Trait#PERSON}…). */
    public record Subject(String noun, Trait kind) {
    }

    private static final Lexicon<Trait> TRAITS =
            Lexicon.of(Trait.class, Vocabulary.of("scene-traits").termsBy(Trait.class));
    private static final Lexicon<Trait> SUBJECTS =
            Lexicon.of(Trait.class, Vocabulary.of("subjects").termsBy(Trait.class));
    private static final Map<String, Trait> SUBJECT_NOUNS = subjectNouns();
    private static final Lexicon<Aspect> COVERED =
            Lexicon.of(Aspect.class, Vocabulary.of("aspect-terms").termsBy(Aspect.class));

    private SceneVocabulary() {
    }

    /** The traits words show: the scene's and, from subject nouns in any form, who is in it. */
    public static Set<Trait> traits(List<String> words) {
        var traits = EnumSet.noneOf(Trait.class);
        traits.addAll(TRAITS.find(words));
        SUBJECTS.find(words).forEach(kind -> traits.addAll(subjectTraits(kind)));
        return traits;
    }

    /** The aspects words already cover. */
    public static Set<Aspect> covered(List<String> words) {
        return COVERED.find(words);
    }

    /** The first word that is a subject noun in the singular ("fox" in "a fox and two owls"), if any. */
    public static Optional<Subject> firstSubject(List<String> words) {
        return words.stream().filter(SUBJECT_NOUNS::containsKey).findFirst()
                .map(noun -> new Subject(noun, SUBJECT_NOUNS.get(noun)));
    }

    /** What a subject of a kind tells about the scene: that it has a subject, of that kind, perhaps an animal. */
    public static Set<Trait> subjectTraits(Trait kind) {
        var traits = EnumSet.of(Trait.SUBJECT, kind);
        if (kind == Trait.FURRY || kind == Trait.FEATHERED || kind == Trait.CREATURE) {
            traits.add(Trait.ANIMAL);
        }
        return traits;
    }

    private static Map<String, Trait> subjectNouns() {
        var nouns = new HashMap<String, Trait>();
        Vocabulary.of("subjects").termsBy(Trait.class).forEach((kind, terms) -> terms.forEach(
                term -> nouns.putIfAbsent(term.endsWith("~") ? term.substring(0, term.length() - 1) : term, kind)));
        return Map.copyOf(nouns);
    }
}
