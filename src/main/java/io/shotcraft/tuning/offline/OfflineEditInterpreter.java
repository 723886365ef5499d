package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.EditPlan;

/**
 * Reads a change request against a prompt's parameters without any model: the engine used when no LLM is configured,
 * when the LLM fails, and in tests.
 *
 * <p>It understands the common forms, several per request joined by "and", commas, semicolons or "then": "change X to
 * Y", "make it Y (instead)", "replace X with Y", "swap X for Y", "remove X", "no more X", "add Y", "set P to V",
 * "P: V", "make it night / rain / anime / a wide shot", "use a close-up", "in the style of X", "with a dolly in".
 * X is found among the parameters by name ("the lighting", "time of day"), by pronoun ("it" is the subject) or by
 * value ("the skillet" is the prop "cast iron skillet"). A prop removed and one added in the same request is a
 * replacement: the new item takes the old one's place. The result is a pure function of the arguments; the class holds
 * no state and is safe to share between threads.
 */
@ApplicationScoped
public class OfflineEditInterpreter {

    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:(?:a|an|the|some|more|another)\\s+)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_PREPOSITION = Pattern.compile(
            "^(?:(?:at|during|in|by|under|on|into|for)\\s+)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACE = Pattern.compile("^(?:in|on|at|inside|into|onto)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEFINITE = Pattern.compile("^(?:a|an)\\s+\\S.*$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STATES = Set.of("rain", "snow", "drizzle", "hail", "sleet");
    /** Words ending in "-ing" that are not verbs. */
    private static final Set<String> NOT_VERBS = Set.of("something", "nothing", "anything", "everything", "king",
            "ring", "spring", "string", "wing", "ceiling", "building", "painting", "clothing", "bedding", "icing",
            "pudding", "stuffing", "dumpling", "sibling", "darling", "wedding", "lightning", "awning", "railing");

    public OfflineEditInterpreter() {
    }

    /**
     * Interprets a change request.
     *
     * @param current the prompt's parameters, in order
     * @param request what the person asked for, e.g. "Change the robot to blue and make it baking a cake instead"
     * @return the plan: the updates in order and one change description per update; {@link EditPlan#NOTHING} when
     *         the request was understood but changes nothing ("remove the dragon" with no dragon, or a value it
     *         already has); empty when some part of the request cannot be read at all
     */
    public Optional<EditPlan> interpret(List<Parameter> current, String request) {
        Objects.requireNonNull(current, "current");
        if (request == null || request.isBlank()) {
            return Optional.empty();
        }
        var draft = new OfflineEditDraft(current);
        for (List<OfflineEditClause> readings : OfflineEditClause.readings(request)) {
            if (readings.stream().noneMatch(reading -> apply(reading, draft))) {
                return Optional.empty();
            }
        }
        return Optional.of(draft.plan());
    }

    /** Applies one reading of an instruction; false when the reading does not make sense, to try the next one. */
    private static boolean apply(OfflineEditClause clause, OfflineEditDraft draft) {
        String x = clause.target();
        String y = clause.value();
        return switch (clause.kind()) {
            case REPLACE -> replace(x, y, draft);
            case CHANGE -> change(x, y, draft);
            case NAMED -> named(x, y, draft);
            case ATTRIBUTE -> attribute(x, y, draft);
            case ACTION -> action(x, y, draft);
            case MAKE -> make(y, draft);
            case LOCATE -> locate(y, draft);
            case REMOVE -> remove(x, draft);
            case ADD -> add(y, draft);
            case STYLE -> style(y, draft);
            case USE, ASPECT -> aspect(y, draft);
            case WITH -> aspect(y, draft) || addProp(y, draft);
        };
    }

    private static boolean replace(String x, String y, OfflineEditDraft draft) {
        if (y.isBlank() || x.isBlank()) {
            return false;
        }
        Optional<OfflineEditTarget> target = OfflineEditTarget.resolve(x, draft.parameters());
        target.filter(t -> draft.has(t.name())).ifPresent(t -> changeTarget(t, y, draft));
        return true;
    }

    private static boolean change(String x, String y, OfflineEditDraft draft) {
        if (y.isBlank()) {
            return false;
        }
        if (OfflineEditTarget.isPronoun(x)) {
            return make(y, draft);
        }
        if (OfflineEditTarget.isScene(x)) {
            return aspect(y, draft) || locate(y, draft);
        }
        Optional<OfflineEditTarget> target = OfflineEditTarget.resolve(x, draft.parameters());
        if (target.isEmpty()) {
            return true;
        }
        changeTarget(target.get(), y, draft);
        return true;
    }

    private static boolean named(String x, String y, OfflineEditDraft draft) {
        Optional<String> name = OfflineEditNames.resolve(x, draft.parameters());
        if (name.isEmpty() || y.isBlank()) {
            return false;
        }
        changeTarget(new OfflineEditTarget(name.get(), null, null), y, draft);
        return true;
    }

    /** Changes what a target points at to Y: its attribute, its action, its part, or its whole value. */
    private static void changeTarget(OfflineEditTarget target, String y, OfflineEditDraft draft) {
        String name = target.name();
        Optional<OfflineEditAttribute> attribute = OfflineEditAttribute.of(y);
        if (target.attribute() != null && draft.has(name)) {
            draft.changeAttribute(name, target.attribute(), y);
        } else if (attribute.isPresent() && OfflineEditNames.isThing(name) && draft.has(name)) {
            draft.changeAttribute(name, attribute.get(), y);
        } else if (name.equals(OfflineEditNames.ACTION)) {
            draft.changeAction(y);
        } else if (target.part() != null) {
            draft.replacePart(name, target.part(), value(y));
        } else if (OfflineEditAspects.ofName(name).isPresent()) {
            draft.changeNamed(name, aspectValue(OfflineEditAspects.ofName(name).get(), y));
        } else {
            draft.replace(name, value(y));
        }
    }

    private static boolean attribute(String x, String y, OfflineEditDraft draft) {
        Optional<OfflineEditAttribute> kind = OfflineEditAttribute.of(y);
        if (kind.isEmpty()) {
            return false;
        }
        String subject = OfflineEditTarget.isScene(x) ? "it" : x;
        OfflineEditTarget.resolve(subject, draft.parameters()).filter(t -> draft.has(t.name()))
                .ifPresent(t -> draft.changeAttribute(t.name(), kind.get(), y));
        return true;
    }

    private static boolean action(String x, String y, OfflineEditDraft draft) {
        if (!isAction(y)) {
            return false;
        }
        boolean subject = OfflineEditTarget.isPronoun(x) || OfflineEditTarget.isScene(x)
                || OfflineEditTarget.resolve(x, draft.parameters())
                        .filter(t -> t.name().equals(OfflineEditNames.SUBJECT)).isPresent();
        if (subject) {
            draft.changeAction(y);
        }
        return subject;
    }

    /** "Make it Y": an action, an attribute of the subject, an aspect of the shot, a place, or a new subject. */
    private static boolean make(String y, OfflineEditDraft draft) {
        if (isAction(y)) {
            draft.changeAction(y);
            return true;
        }
        Optional<OfflineEditAttribute> attribute = OfflineEditAttribute.of(y);
        if (attribute.isPresent() && draft.has(OfflineEditNames.SUBJECT)) {
            draft.changeAttribute(OfflineEditNames.SUBJECT, attribute.get(), y);
            return true;
        }
        if (aspect(y, draft)) {
            return true;
        }
        var place = PLACE.matcher(y);
        if (place.matches()) {
            return locate(place.group(1), draft);
        }
        if (INDEFINITE.matcher(y).matches()) {
            draft.replace(OfflineEditNames.SUBJECT, value(y));
            return true;
        }
        return baseAction(y).map(action -> {
            draft.changeAction(action);
            return true;
        }).orElse(false);
    }

    /**
     * A verb phrase in the base form as an action: "make it bake a cake" is "baking a cake". Only a verb with words
     * after it, so that a lone unknown word ("make it pop") stays unread.
     */
    private static Optional<String> baseAction(String phrase) {
        var words = Mentions.words(phrase);
        if (words.size() < 2 || !phrase.matches("(?U)^\\p{L}+ .*")) {
            return Optional.empty();
        }
        String verb = words.getFirst();
        boolean function = OfflineEditWords.DETERMINERS.contains(verb) || OfflineEditWords.PREPOSITIONS.contains(verb)
                || OfflineEditWords.PRONOUNS.contains(verb) || OfflineEditWords.AUXILIARIES.contains(verb)
                || OfflineEditWords.CONNECTIVES.contains(verb) || OfflineEditAttribute.of(verb).isPresent()
                || OfflineEditAspects.of(verb).isPresent();
        if (function || verb.endsWith("ly")) {
            return Optional.empty();
        }
        return Optional.of(OfflineEditWords.ing(verb) + phrase.substring(verb.length()));
    }

    private static boolean locate(String y, OfflineEditDraft draft) {
        String place = value(y);
        if (place.isBlank() || OfflineEditAspects.of(place).isPresent()) {
            return false;
        }
        draft.changeNamed(OfflineEditNames.LOCATION, place);
        return true;
    }

    private static boolean remove(String x, OfflineEditDraft draft) {
        if (x.isBlank()) {
            return false;
        }
        Optional<OfflineEditTarget> target = OfflineEditTarget.resolve(x, draft.parameters())
                .filter(t -> draft.has(t.name()));
        target.ifPresent(t -> {
            if (t.part() != null) {
                draft.removePart(t.name(), t.part());
            } else {
                draft.remove(t.name());
            }
        });
        return true;
    }

    /** "Add Y": an aspect of the shot sets that aspect ("add candlelight"); anything else is a new prop. */
    private static boolean add(String y, OfflineEditDraft draft) {
        Optional<Aspect> aspect = OfflineEditAspects.of(stripPrepositions(y));
        boolean artwork = aspect.filter(a -> a == Aspect.STYLE).isPresent() && INDEFINITE.matcher(y).matches();
        if (aspect.isPresent() && !artwork) {
            return aspect(y, draft);
        }
        return addProp(y, draft);
    }

    private static boolean addProp(String y, OfflineEditDraft draft) {
        String item = value(y);
        if (item.isBlank() || OfflineEditAttribute.of(item).isPresent()) {
            return false;
        }
        draft.addProp(item);
        return true;
    }

    private static boolean style(String y, OfflineEditDraft draft) {
        String style = value(y);
        if (style.isBlank()) {
            return false;
        }
        String value = style.toLowerCase(Locale.ROOT).endsWith("style") ? style : style + " style";
        draft.changeNamed(Aspect.STYLE.nameIn(draft.parameters()), value);
        return true;
    }

    /** Sets the aspect of the shot that Y is a value of ("night", "a close-up", "heavy rain"); false if none. */
    private static boolean aspect(String y, OfflineEditDraft draft) {
        String phrase = stripPrepositions(y);
        Optional<Aspect> aspect = OfflineEditAspects.of(phrase);
        if (aspect.isEmpty() || isAction(phrase)) {
            return false;
        }
        draft.changeNamed(aspect.get().nameIn(draft.parameters()), aspectValue(aspect.get(), phrase));
        return true;
    }

    private static String aspectValue(Aspect aspect, String phrase) {
        String value = value(stripPrepositions(phrase));
        if (aspect == Aspect.WEATHER && OfflineEditWords.isIng(value)
                && STATES.contains(value.substring(0, value.length() - 3).toLowerCase(Locale.ROOT))) {
            return value.substring(0, value.length() - 3);
        }
        return value;
    }

    /** Whether a phrase is an action: it opens with an -ing verb that is not itself a time or aspect ("evening"). */
    private static boolean isAction(String phrase) {
        String first = OfflineEditWords.firstWord(phrase);
        return OfflineEditWords.isIng(first) && !NOT_VERBS.contains(first) && OfflineEditAspects.of(first).isEmpty();
    }

    /** A new value as the request words it, without a leading article: "a stand mixer" is "stand mixer". */
    private static String value(String phrase) {
        return LEADING_ARTICLE.matcher(OfflineEditClause.clean(phrase)).replaceFirst("").strip();
    }

    private static String stripPrepositions(String phrase) {
        return LEADING_PREPOSITION.matcher(phrase.strip()).replaceFirst("");
    }
}
