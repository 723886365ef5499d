package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Mentions.Span;
import io.shotcraft.parameters.Mentions.Token;
import io.shotcraft.tuning.offline.OfflineWriteText.NounPhrase;

/**
 * Takes a value out of a prompt with the words that depend on it, trying the smallest cut first: an item of a list
 * ("next to scattered measuring spoons and a bottle" → "next to a bottle"), a prepositional phrase ("from a simmering
 * pot"), the clause it is the subject of ("while a skillet sits on the stovetop" — whose other things, if any, become
 * its subject: "while spoons and a bottle sit on the stovetop"), else the clause around it or the phrase alone.
 * Stateless.
 */
final class OfflineWriteRemove {

    private static final Pattern LIST_AFTER = Pattern.compile("^(,? and |, )(\\p{L}+)");
    private static final Pattern LIST_BEFORE = Pattern.compile("(, and | and |, )$");
    private static final Pattern CLAUSE_OR_END = Pattern.compile("^\\s*(?:[,.;:!?—]|$)");
    private static final Pattern RESTING = Pattern.compile("^\\s+(?<verb>\\p{L}+)(?<middle>.*?)\\s+"
            + "(?:next to|beside|near|alongside|among|amid|by|with|behind|under|beneath|around)\\s+(?<things>.+)$");
    private static final Pattern OPENER = Pattern.compile("^(?i)(?:while|as|where|whereas|when|and|but|whilst)\\s+");
    private static final List<List<String>> COMPOUND_PREPOSITIONS = List.of(List.of("next", "to"),
            List.of("close", "to"), List.of("out", "of"), List.of("front", "of"), List.of("top", "of"));
    private static final int ATTEMPTS = 8;

    private OfflineWriteRemove() {
    }

    /** Removes a parameter's value: an action by {@link #removeAction}, anything else by {@link #remove}. */
    static void remove(OfflineWriteText text, String name, String value, List<String> current) {
        if (name.equals(OfflineEditNames.ACTION)) {
            Mentions.parts(value).forEach(part -> removeAction(text, part, current));
        } else {
            remove(text, value, current);
        }
    }

    /** Removes every mention of a value, the whole value first, then each of its parts. */
    static void remove(OfflineWriteText text, String value, List<String> current) {
        removeMentions(text, value, current);
        List<String> parts = Mentions.parts(value);
        if (parts.size() > 1) {
            parts.forEach(part -> removeMentions(text, part, current));
        }
    }

    private static void removeMentions(OfflineWriteText text, String phrase, List<String> current) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Span> spans = text.occurrences(phrase);
            if (spans.isEmpty()) {
                return;
            }
            String before = text.text();
            removeAt(text, spans.getLast(), current);
            if (text.text().equals(before)) {
                return;
            }
        }
    }

    /**
     * Removes an action: from a list of actions ("cooking and chopping"), else neutralised to "works" where its clause
     * still carries current values ("as the robot chops vegetables on a cutting board" → "as the robot works at a
     * cutting board"), else with its clause.
     */
    static void removeAction(OfflineWriteText text, String action, List<String> current) {
        List<Span> spans = text.occurrences(action);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span span = spans.get(i);
            if (fromList(text, span, true)) {
                continue;
            }
            Span clause = new Span(text.clauseStart(span.start()), text.clauseEnd(span.end()));
            if (text.mentionsAny(clause, span, current)) {
                neutralise(text, span);
            } else {
                dropClause(text, clause);
            }
        }
    }

    private static void neutralise(OfflineWriteText text, Span span) {
        String verb = OfflineWriteGrammar.inFormOf("working", text.substring(span.start(), span.end()));
        Token next = text.wordAfter(span.end());
        if (next != null && next.word().equals("on")) {
            text.replace(next.start(), next.end(), "at");
        }
        text.replace(span.start(), span.end(), verb);
    }

    private static void removeAt(OfflineWriteText text, Span core, List<String> current) {
        NounPhrase phrase = text.nounPhrase(core);
        Span span = phrase.span();
        if (fromList(text, span, false) || fromPreposition(text, span)) {
            return;
        }
        Span clause = new Span(text.clauseStart(span.start()), text.clauseEnd(span.end()));
        boolean carriesOthers = text.mentionsAny(clause, span, current);
        if (text.opensClause(span.start())) {
            if (!carriesOthers || !handOver(text, span, clause)) {
                dropClause(text, clause);
            }
        } else if (carriesOthers) {
            text.delete(span.start(), span.end());
        } else {
            dropClause(text, clause);
        }
    }

    /**
     * Removes an item from a list: "X and Y" keeps Y, "X, Y, and Z" keeps "X and Z" or "Y and Z"; an action list
     * ("cooking and chopping") too when {@code verbs}.
     */
    static boolean fromList(OfflineWriteText text, Span span, boolean verbs) {
        String before = text.substring(text.sentenceStart(span.start()), span.start());
        Matcher after = LIST_AFTER.matcher(text.substring(span.end(), text.length()));
        boolean itemFollows = after.find() && startsItem(after.group(2).toLowerCase(Locale.ROOT), verbs);
        if (itemFollows && after.group(1).equals(", and ") && before.endsWith(", ")) {
            int from = span.start() - 2;
            text.replace(from, span.end(), "");
            if (!text.substring(listStart(text, from), from).contains(", ")) {
                text.replace(from, from + 1, "");
            }
            return true;
        }
        if (itemFollows) {
            boolean capital = text.startsSentence(span.start());
            text.replace(span.start(), span.end() + after.group(1).length(), "");
            if (capital) {
                capitaliseAt(text, span.start());
            }
            dropOxfordCommaAfter(text, span.start());
            return true;
        }
        Matcher last = LIST_BEFORE.matcher(before);
        if (last.find() && CLAUSE_OR_END.matcher(text.substring(span.end(), text.length())).find()) {
            int from = span.start() - last.group(1).length();
            text.replace(from, span.end(), "");
            if (last.group(1).equals(", and ")) {
                closeListBefore(text, from);
            }
            return true;
        }
        return false;
    }

    private static boolean startsItem(String word, boolean verbs) {
        return !OfflineEditWords.PREPOSITIONS.contains(word) && !OfflineEditWords.CONNECTIVES.contains(word)
                && !OfflineEditWords.AUXILIARIES.contains(word) && (verbs || !OfflineEditWords.isIng(word));
    }

    /** Where the list that ends at a position starts: after the last preposition before it ("next to …"). */
    private static int listStart(OfflineWriteText text, int position) {
        int start = text.sentenceStart(position);
        List<Token> tokens = text.tokensBetween(start, position);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String word = tokens.get(i).word();
            if (OfflineEditWords.PREPOSITIONS.contains(word) && !word.equals("of")) {
                return tokens.get(i).end();
            }
        }
        return start;
    }

    /** "Y, and Z" left of a list by removing its first item loses its serial comma. */
    private static void dropOxfordCommaAfter(OfflineWriteText text, int position) {
        String rest = text.substring(position, text.sentenceEnd(position));
        int serial = rest.indexOf(", and ");
        if (serial > 0 && rest.indexOf(',') == serial) {
            text.replace(position + serial, position + serial + 1, "");
        }
    }

    /** "A, B" left by removing the last item of "A, B, and C" becomes "A and B"; longer lists keep "…, and". */
    private static void closeListBefore(OfflineWriteText text, int position) {
        int start = listStart(text, position);
        String list = text.substring(start, position);
        int comma = list.lastIndexOf(", ");
        if (comma < 0) {
            return;
        }
        boolean longer = list.lastIndexOf(", ", comma - 1) >= 0;
        text.replace(start + comma, start + comma + 2, longer ? ", and " : " and ");
    }

    /** Removes a prepositional phrase: "from a simmering pot", "next to a bottle of oil". */
    private static boolean fromPreposition(OfflineWriteText text, Span span) {
        Token preposition = text.wordBefore(span.start());
        if (preposition == null || !OfflineEditWords.PREPOSITIONS.contains(preposition.word())) {
            return false;
        }
        int start = preposition.start();
        Token previous = text.wordBefore(start);
        if (previous != null && COMPOUND_PREPOSITIONS.contains(List.of(previous.word(), preposition.word()))) {
            start = previous.start();
            Token in = text.wordBefore(start);
            if (previous.word().equals("front") || previous.word().equals("top")) {
                start = in == null ? start : in.start();
            }
        }
        boolean opens = text.startsSentence(start);
        text.delete(start, span.end());
        if (opens) {
            stripLeadingBreak(text, start);
        }
        return true;
    }

    /**
     * Gives a clause whose subject goes the things it rests next to as its subject: "while a skillet sits on the
     * stovetop next to spoons and a bottle" → "while spoons and a bottle sit on the stovetop".
     */
    private static boolean handOver(OfflineWriteText text, Span subject, Span clause) {
        for (int end : List.of(text.sentenceEnd(subject.end()), clause.end())) {
            Matcher resting = RESTING.matcher(text.substring(subject.end(), end));
            if (resting.matches() && isList(resting.group("things"))) {
                String things = resting.group("things");
                String verb = OfflineWriteGrammar.agree(resting.group("verb"), OfflineWriteGrammar.plural(things));
                String rewritten = text.substring(clause.start(), subject.start()) + things + " " + verb
                        + resting.group("middle");
                if (text.startsSentence(clause.start())) {
                    rewritten = OfflineWriteGrammar.capitalise(rewritten);
                }
                text.replace(clause.start(), end, rewritten);
                return true;
            }
        }
        return false;
    }

    /** Whether a phrase is one noun phrase or a list of them: "a pot, a pan, and a whisk", not "a pot, catching…". */
    private static boolean isList(String phrase) {
        for (String item : phrase.split(",? and |, ")) {
            String first = OfflineEditWords.firstWord(item);
            if (first.isEmpty() || !startsItem(first, false) || OfflineWriteText.SUBORDINATORS.contains(first)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops a clause. A subordinate one goes with the comma before it; a main one takes with it the participle
     * clauses that hang on it ("…, catching the light"), and a subordinate clause left at the front becomes the main
     * one ("while a skillet sits…" → "A skillet sits…"). A sentence left empty goes.
     */
    static void dropClause(OfflineWriteText text, Span clause) {
        int sentence = text.sentenceStart(clause.start());
        if (clause.start() > sentence) {
            int from = clause.start();
            while (from > sentence && " ,;:—".indexOf(text.text().charAt(from - 1)) >= 0) {
                from--;
            }
            text.replace(from, clause.end(), "");
            return;
        }
        int end = text.sentenceEnd(sentence);
        int cut = withParticiples(text, clause.end(), end);
        String rest = OPENER.matcher(text.substring(cut, end).replaceFirst("^[\\s,;:—]+", "")).replaceFirst("");
        if (rest.isBlank()) {
            int stop = Math.min(text.length(), end + 1);
            text.delete(sentence, stop);
            return;
        }
        text.replace(sentence, end, OfflineWriteGrammar.capitalise(rest));
    }

    /** The end of the participle clauses ("catching the light") that follow a position. */
    private static int withParticiples(OfflineWriteText text, int position, int sentenceEnd) {
        int at = position;
        while (at < sentenceEnd) {
            int next = at;
            while (next < sentenceEnd && " ,;:".indexOf(text.text().charAt(next)) >= 0) {
                next++;
            }
            Token word = text.wordAfter(next);
            if (word == null || word.start() != next || !OfflineEditWords.isIng(word.word())) {
                return at;
            }
            int end = text.clauseEnd(word.end());
            if (end <= at) {
                return at;
            }
            at = end;
        }
        return at;
    }

    private static void stripLeadingBreak(OfflineWriteText text, int position) {
        String rest = text.substring(position, text.length());
        String stripped = rest.replaceFirst("^[\\s,;:]+", "");
        text.replace(position, text.length(), OfflineWriteGrammar.capitalise(stripped));
    }

    private static void capitaliseAt(OfflineWriteText text, int position) {
        if (position < text.length()) {
            text.replace(position, position + 1, text.substring(position, position + 1).toUpperCase(Locale.ROOT));
        }
    }
}
