package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Optional;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Mentions.Span;
import io.shotcraft.parameters.Mentions.Token;
import io.shotcraft.tuning.offline.OfflineWriteText.NounPhrase;

/**
 * Writes a parameter's new value where the prompt has its old one, keeping the sentence grammatical: the article
 * agrees ("a kettle", "an oven", none for "copper pans"), a verb after a subject agrees ("Copper pans hang" → "A wok
 * hangs"), the old thing's own adjectives go with it ("a well-loved cast iron skillet" → "a stand mixer") and later
 * mentions of it follow ("the robot" → "the cat"). An action of several parts is replaced by its first part; the
 * others are dropped, or neutralised where their clause carries other values ("as the robot chops vegetables on a
 * cutting board" → "as the robot works at a cutting board"). Stateless.
 */
final class OfflineWriteReplace {

    private OfflineWriteReplace() {
    }

    /**
     * Replaces a value.
     *
     * @param current every current value, to know which clauses must stay
     * @return false when the prompt does not mention the old value, so the new one still has to be added
     */
    static boolean replace(OfflineWriteText text, String name, String old, String value, List<String> current) {
        List<String> oldParts = Mentions.parts(old);
        List<String> newParts = Mentions.parts(value);
        String written = name.equals(OfflineEditNames.ACTION) ? String.join(" and ", newParts) : value;
        if (!text.occurrences(old).isEmpty()) {
            replaceAll(text, name, old, written);
            return true;
        }
        if (oldParts.size() > 1 && oldParts.size() == newParts.size()) {
            return replaceParts(text, name, oldParts, newParts, current);
        }
        if (oldParts.size() > 1) {
            return replaceFirstPart(text, name, oldParts, written, current);
        }
        Optional<String> run = longestRun(text, old);
        run.ifPresent(r -> replaceAll(text, name, r, written));
        return run.isPresent();
    }

    /** A composite replaced by one of as many parts: part by part ("runs along a beach, kicking up water"). */
    private static boolean replaceParts(OfflineWriteText text, String name, List<String> oldParts,
            List<String> newParts, List<String> current) {
        boolean replaced = false;
        for (int i = 0; i < oldParts.size(); i++) {
            if (!oldParts.get(i).equals(newParts.get(i))) {
                replaced |= replace(text, name, oldParts.get(i), newParts.get(i), current);
            }
        }
        return replaced;
    }

    /** A composite replaced by another value: the first part the text has takes it, the others are retired. */
    private static boolean replaceFirstPart(OfflineWriteText text, String name, List<String> oldParts, String value,
            List<String> current) {
        Optional<String> found = oldParts.stream().filter(p -> !text.occurrences(p).isEmpty()).findFirst();
        if (found.isEmpty()) {
            return false;
        }
        replaceAll(text, name, found.get(), value);
        boolean action = name.equals(OfflineEditNames.ACTION);
        oldParts.stream().filter(p -> !p.equals(found.get())).forEach(p -> retire(text, p, action, current));
        return true;
    }

    private static void replaceAll(OfflineWriteText text, String name, String old, String value) {
        List<Span> spans = text.occurrences(old);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span span = spans.get(i);
            if (name.equals(OfflineEditNames.ACTION)) {
                String action = OfflineWriteGrammar.inFormOf(value, text.substring(span.start(), span.end()));
                text.replace(span.start(), span.end(), action);
            } else if (OfflineEditNames.isThing(name)) {
                int start = replaceThing(text, span, old, value);
                if (name.equals(OfflineEditNames.LOCATION)) {
                    placeAt(text, start, value);
                }
            } else {
                text.replace(span.start(), span.end(), casedLike(value, text, span.start()));
            }
        }
        if (OfflineEditNames.isThing(name)) {
            followHead(text, old, value);
        }
        text.keep(value);
    }

    /** Replaces a thing with its noun phrase: determiner, own adjectives (unless the new thing is another noun). */
    private static int replaceThing(OfflineWriteText text, Span span, String old, String value) {
        NounPhrase phrase = text.nounPhrase(span);
        boolean sameThing = Mentions.stem(OfflineEditWords.head(old))
                .equals(Mentions.stem(OfflineEditWords.head(value)));
        int start = sameThing ? phrase.start() : droppedFrom(text, phrase);
        String modifiers = sameThing ? text.substring(phrase.modifiers(), span.start()) : "";
        String noun = modifiers + value;
        String oldNoun = text.substring(span.start(), span.end());
        String determiner = determiner(text, phrase.determiner(), oldNoun, noun);
        String replacement = determiner == null ? noun : determiner + " " + noun;
        boolean subject = text.opensClause(start);
        text.replace(start, span.end(), casedLike(replacement, text, start));
        boolean plural = OfflineWriteGrammar.plural(value);
        if (subject && OfflineWriteGrammar.plural(oldNoun) != plural) {
            agreeVerbAfter(text, start + replacement.length(), plural);
        }
        return start;
    }

    /** "in a kitchen" becomes "on a beach", not "in a beach". */
    private static void placeAt(OfflineWriteText text, int start, String place) {
        Token preposition = text.wordBefore(start);
        if (preposition != null && List.of("in", "on").contains(preposition.word())) {
            String wanted = OfflineWriteGrammar.placePreposition(place);
            String cased = Character.isUpperCase(text.text().charAt(preposition.start()))
                    ? OfflineWriteGrammar.capitalise(wanted) : wanted;
            text.replace(preposition.start(), preposition.end(), cased);
        }
    }

    /**
     * Where a noun phrase starts to be replaced by another noun: at its determiner, else after any participle that
     * leads it ("holding copper pans" keeps "holding"), so that the old noun's own adjectives go.
     */
    private static int droppedFrom(OfflineWriteText text, NounPhrase phrase) {
        if (phrase.determiner() != null) {
            return phrase.start();
        }
        for (Token token : text.tokensBetween(phrase.start(), phrase.core().start())) {
            if (!OfflineEditWords.isIng(token.word())) {
                return token.start();
            }
        }
        return phrase.core().start();
    }

    /** The determiner for a new noun: "a"/"an" as its sound needs, none for plurals, one added where a plural had none. */
    private static String determiner(OfflineWriteText text, Token determiner, String oldNoun, String noun) {
        boolean needsArticle = !OfflineWriteGrammar.plural(noun) && OfflineWriteGrammar.countable(noun)
                && !OfflineWriteGrammar.proper(noun);
        if (determiner == null) {
            boolean oldHadNone = OfflineWriteGrammar.plural(oldNoun) || !OfflineWriteGrammar.countable(oldNoun);
            return needsArticle && oldHadNone ? OfflineWriteGrammar.article(noun) : null;
        }
        if (!determiner.word().equals("a") && !determiner.word().equals("an")) {
            return text.substring(determiner.start(), determiner.end());
        }
        return needsArticle ? OfflineWriteGrammar.article(noun) : null;
    }

    private static void agreeVerbAfter(OfflineWriteText text, int position, boolean plural) {
        Token next = text.wordAfter(position);
        if (next == null || !verbLike(next.word())) {
            return;
        }
        String verb = text.substring(next.start(), next.end());
        text.replace(next.start(), next.end(), OfflineWriteGrammar.agree(verb, plural));
    }

    private static boolean verbLike(String word) {
        return !OfflineEditWords.PREPOSITIONS.contains(word) && !OfflineEditWords.CONNECTIVES.contains(word)
                && !OfflineEditWords.DETERMINERS.contains(word) && !OfflineEditWords.isIng(word)
                && !word.endsWith("ly") && word.chars().allMatch(Character::isLetter);
    }

    /** Later mentions of a replaced thing by its head noun follow it: "the robot" becomes "the cat". */
    private static void followHead(OfflineWriteText text, String old, String value) {
        String oldHead = OfflineEditWords.head(old);
        String newHead = OfflineEditWords.head(value);
        if (oldHead.isEmpty() || newHead.isEmpty() || Mentions.stem(oldHead).equals(Mentions.stem(newHead))) {
            return;
        }
        List<Span> mentions = text.occurrences(oldHead);
        for (int i = mentions.size() - 1; i >= 0; i--) {
            Span mention = mentions.get(i);
            Token before = text.wordBefore(mention.start());
            if (before != null && List.of("the", "this", "that").contains(before.word())) {
                text.replace(mention.start(), mention.end(), newHead);
            }
        }
    }

    /** Takes out a part of an old value that the new value does not replace. */
    private static void retire(OfflineWriteText text, String part, boolean action, List<String> current) {
        if (action) {
            OfflineWriteRemove.removeAction(text, part, current);
        } else {
            OfflineWriteRemove.remove(text, part, current);
        }
    }

    /** The longest run of an old value's words that the prompt has and that holds its head noun. */
    private static Optional<String> longestRun(OfflineWriteText text, String old) {
        List<Token> tokens = Mentions.tokens(old);
        String head = OfflineEditWords.head(old);
        for (int length = tokens.size() - 1; length > 0; length--) {
            for (int from = 0; from + length <= tokens.size(); from++) {
                List<Token> run = tokens.subList(from, from + length);
                String phrase = old.substring(run.getFirst().start(), run.getLast().end());
                boolean holdsHead = run.stream().anyMatch(t -> t.word().equals(head));
                if (holdsHead && !text.occurrences(phrase).isEmpty()) {
                    return Optional.of(phrase);
                }
            }
        }
        return Optional.empty();
    }

    /** A replacement capitalised if the text it replaces was capitalised at a sentence start. */
    private static String casedLike(String replacement, OfflineWriteText text, int start) {
        boolean capital = start < text.length() && Character.isUpperCase(text.text().charAt(start));
        if (capital && text.startsSentence(start)) {
            return OfflineWriteGrammar.capitalise(replacement);
        }
        return replacement;
    }
}
