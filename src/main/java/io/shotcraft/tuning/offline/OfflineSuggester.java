package io.shotcraft.tuning.offline;

import static io.shotcraft.parameters.Trait.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.parameters.SceneVocabulary;
import io.shotcraft.parameters.Trait;
import io.shotcraft.parameters.Vocabulary;
import io.shotcraft.tuning.Suggestion;

/**
 * Suggests, without any model, the parameters a prompt lacks that would most help a video model: shot type,
 * camera movement, lighting, time of day, motion, style, colour palette and atmosphere, in that priority order.
 *
 * <p>An aspect is suggested only when it is missing: no parameter carries it and neither the prompt nor any
 * parameter value already expresses it ("at night" covers the time of day, "dolly in" the camera). Its value is the
 * best fit among a small vocabulary of options, each tagged with the scene traits it needs, avoids and favours: an
 * option that contradicts the scene is never proposed (no golden hour at night, no drone shot in a kitchen or of a
 * cup), and among the others the highest score wins, ties going to the earlier option. Each chosen option then
 * becomes part of the scene, so later suggestions agree with earlier ones (golden-hour light, then golden hour).
 *
 * <p>The result is a pure function of the arguments; the class holds only immutable data and is safe to share
 * between threads.
 */
@ApplicationScoped
public class OfflineSuggester {

    /** The most suggestions one call returns. */
    public static final int MAX_SUGGESTIONS = 6;

    /** Weight of each trait an option needs: options written for scenes like this one beat generic ones. */
    private static final int NEED_WEIGHT = 3;

    public OfflineSuggester() {
    }

    /**
     * Suggests parameters that would strengthen a prompt.
     *
     * @param prompt     the prompt as the user sees it (may be blank)
     * @param parameters the prompt's parameters, in any order; null entries and entries with a blank name or
     *                   value count as absent
     * @return at most {@link #MAX_SUGGESTIONS} suggestions, in priority order, each for an aspect the prompt lacks
     *         and with a value that fits the scene; empty when nothing is missing. The same arguments always give
     *         the same result
     * @throws NullPointerException if the prompt or the list is null
     */
    public List<Suggestion> suggest(String prompt, List<Parameter> parameters) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(parameters, "parameters");
        var scene = Scene.read(prompt, parameters);
        var suggestions = new ArrayList<Suggestion>();
        for (Suggestible suggestible : SUGGESTIBLE) {
            if (suggestions.size() == MAX_SUGGESTIONS) {
                break;
            }
            Aspect aspect = suggestible.aspect();
            if (!scene.covers(aspect)) {
                scene.bestOption(aspect).ifPresent(option -> {
                    suggestions.add(new Suggestion(aspect.parameter(), option.value(), suggestible.reason()));
                    scene.adopt(option);
                });
            }
        }
        return List.copyOf(suggestions);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Model: the aspects that may be suggested, and options
    // ---------------------------------------------------------------------------------------------------------

    /** An aspect that may be suggested, why it helps, and the traits that already settle it. */
    private record Suggestible(Aspect aspect, String reason, Set<Trait> settledBy) {

        /** Whether a parameter carries the aspect, or a trait read from the text already settles it. */
        boolean coveredBy(Set<String> parameterNames, Set<Trait> traits) {
            return !Collections.disjoint(aspect.parameterNames(), parameterNames)
                    || !Collections.disjoint(settledBy, traits);
        }
    }

    /** The aspects that may be suggested, in priority order. */
    private static final List<Suggestible> SUGGESTIBLE = List.of(
            new Suggestible(Aspect.SHOT_TYPE,
                    "Video models frame the scene more consistently when the shot size is given.", Set.of()),
            new Suggestible(Aspect.CAMERA_MOVEMENT,
                    "Naming one camera movement keeps the model from inventing erratic or jittery motion.", Set.of()),
            new Suggestible(Aspect.LIGHTING,
                    "A named light source gives the model a consistent direction and mood for light and shadow.",
                    Set.of()),
            new Suggestible(Aspect.TIME_OF_DAY,
                    "A time of day anchors the colour of the light and the length of shadows in every frame.",
                    Set.of(NIGHT, DAY, NOON, TWILIGHT)),
            new Suggestible(Aspect.MOTION,
                    "A concrete movement in the scene keeps the clip from looking like a still image.", Set.of()),
            new Suggestible(Aspect.STYLE,
                    "A named visual style steers texture, rendering and grading toward one coherent look.", Set.of()),
            new Suggestible(Aspect.COLOR_PALETTE,
                    "A defined palette keeps colours consistent from frame to frame.", Set.of(MONOCHROME)),
            new Suggestible(Aspect.ATMOSPHERE,
                    "Describing the air and the mood adds depth and keeps the ambience steady across the shot.",
                    Set.of()));

    /**
     * A value that may be proposed for an aspect. It fits a scene that has every trait it needs and none it
     * avoids; its score counts the traits it needs (heavily) and those it favours; once chosen, the scene takes on
     * the traits it implies.
     */
    record Option(String value, Set<Trait> needed, Set<Trait> avoided, Set<Trait> favoured, Set<Trait> implied) {

        private enum Clause {
            NEEDS, AVOIDS, FAVOURS, IMPLIES;

            static Clause of(String verb) {
                for (Clause clause : values()) {
                    if (clause.name().equalsIgnoreCase(verb)) {
                        return clause;
                    }
                }
                return null;
            }
        }

        /** "value; needs TRAIT, TRAIT; avoids ...; favours ...; implies ...", each clause optional. */
        static Option read(Vocabulary.Entry entry) {
            List<String> fields = entry.fields();
            var clauses = new EnumMap<Clause, Set<Trait>>(Clause.class);
            for (String field : fields.subList(1, fields.size())) {
                String[] verbAndTraits = field.split("\\s+", 2);
                Clause clause = Clause.of(verbAndTraits[0]);
                if (clause == null || verbAndTraits.length < 2 || clauses.containsKey(clause)) {
                    throw entry.malformed("expected 'value; needs TRAIT, TRAIT; avoids ...; favours ...; implies ...'");
                }
                clauses.put(clause, entry.constants(Trait.class, verbAndTraits[1]));
            }
            return new Option(fields.getFirst(), clauses.getOrDefault(Clause.NEEDS, Set.of()),
                    clauses.getOrDefault(Clause.AVOIDS, Set.of()), clauses.getOrDefault(Clause.FAVOURS, Set.of()),
                    clauses.getOrDefault(Clause.IMPLIES, Set.of()));
        }

        boolean fits(Set<Trait> traits) {
            return traits.containsAll(needed) && Collections.disjoint(avoided, traits);
        }

        int score(Set<Trait> traits) {
            int favouredHere = 0;
            for (Trait trait : favoured) {
                if (traits.contains(trait)) {
                    favouredHere++;
                }
            }
            return NEED_WEIGHT * needed.size() + favouredHere;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The scene of one call
    // ---------------------------------------------------------------------------------------------------------

    /** What one call knows about the scene: its traits and the aspects already covered. Not shared. */
    private static final class Scene {

        private final EnumSet<Trait> traits;
        private final Set<Aspect> covered;

        private Scene(EnumSet<Trait> traits, Set<Aspect> covered) {
            this.traits = traits;
            this.covered = covered;
        }

        static Scene read(String prompt, List<Parameter> parameters) {
            var texts = new ArrayList<List<String>>();
            texts.add(Mentions.words(prompt));
            var names = new HashSet<String>();
            String subject = null;
            for (Parameter parameter : parameters) {
                if (!isPresent(parameter)) {
                    continue;
                }
                String name = normaliseName(parameter.name());
                names.add(name);
                texts.add(Mentions.words(parameter.value()));
                if (name.equals("subject")) {
                    subject = parameter.value();
                }
            }
            var traits = EnumSet.noneOf(Trait.class);
            texts.forEach(words -> traits.addAll(SceneVocabulary.traits(words)));
            // Only a small subject makes a small scene: a cup is a close-up, a kitchen full of cups is not.
            traits.remove(SMALL);
            List<String> subjectWords = Mentions.words(subject != null ? subject : firstSentence(prompt));
            if (SceneVocabulary.traits(subjectWords).contains(SMALL)) {
                traits.add(SMALL);
            }
            // A resting subject is framed as a still one.
            if (traits.contains(RESTING)) {
                traits.add(STILL);
            }
            return new Scene(traits, coveredAspects(names, texts, traits));
        }

        private static Set<Aspect> coveredAspects(Set<String> names, List<List<String>> texts, Set<Trait> traits) {
            var covered = EnumSet.noneOf(Aspect.class);
            texts.forEach(words -> covered.addAll(SceneVocabulary.covered(words)));
            for (Suggestible suggestible : SUGGESTIBLE) {
                if (suggestible.coveredBy(names, traits)) {
                    covered.add(suggestible.aspect());
                }
            }
            return covered;
        }

        boolean covers(Aspect aspect) {
            return covered.contains(aspect);
        }

        /** The fitting option with the highest score, the earliest one on a tie; empty when none fits. */
        Optional<Option> bestOption(Aspect aspect) {
            Option best = null;
            int bestScore = -1;
            for (Option option : OPTIONS.get(aspect)) {
                int score = option.fits(traits) ? option.score(traits) : -1;
                if (score > bestScore) {
                    best = option;
                    bestScore = score;
                }
            }
            return Optional.ofNullable(best);
        }

        /** Takes in what a suggested option implies, so that later suggestions agree with it. */
        void adopt(Option option) {
            traits.addAll(option.implied());
        }

        private static boolean isPresent(Parameter parameter) {
            return parameter != null && parameter.name() != null && !parameter.name().isBlank()
                    && parameter.value() != null && !parameter.value().isBlank();
        }

        /** {@code "Time of day"}, {@code "time-of-day"} and {@code "time_of_day_2"} all become {@code time_of_day}. */
        private static String normaliseName(String name) {
            return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_").replaceAll("_\\d+$", "");
        }

        /** Where a prompt without a subject parameter names its subject: up to the first sentence end. */
        private static String firstSentence(String prompt) {
            for (int i = 0; i < prompt.length(); i++) {
                if (".!?;\n".indexOf(prompt.charAt(i)) >= 0) {
                    return prompt.substring(0, i);
                }
            }
            return prompt;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Vocabulary: what may be proposed (vocabulary/suggestions.txt); what the scene is and what the text already
    // says come from SceneVocabulary, shared with the enhancer
    // ---------------------------------------------------------------------------------------------------------

    /** What may be proposed per aspect. The first option of each list is the generic default. */
    private static final Map<Aspect, List<Option>> OPTIONS = options();

    private static Map<Aspect, List<Option>> options() {
        var options = new EnumMap<Aspect, List<Option>>(Aspect.class);
        for (Vocabulary.Entry entry : Vocabulary.of("suggestions").entries()) {
            options.computeIfAbsent(entry.key(Aspect.class), aspect -> new ArrayList<>()).add(Option.read(entry));
        }
        options.replaceAll((aspect, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(options);
    }
}
