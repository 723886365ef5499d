package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Mentions.Span;
import io.shotcraft.parameters.Mentions.Token;

/**
 * A prompt being rewritten: its text, the phrases that must stay as they are (the values of untouched parameters and
 * the new values already written), and what the edits need to know about its structure — sentences, clauses, noun
 * phrases. One per regeneration; not shared.
 */
final class OfflineWriteText {

    /**
     * A noun phrase around a value: its start (at its determiner or first modifier), its determiner if any, and
     * where the value itself sits.
     */
    record NounPhrase(int start, Token determiner, Span core) {

        Span span() {
            return new Span(start, core.end());
        }

        /** Where the words between the determiner and the value start. */
        int modifiers() {
            return determiner == null ? start : determiner.end() + 1;
        }
    }

    /** Words that open a subordinate clause. */
    static final Set<String> SUBORDINATORS = Set.of("while", "as", "where", "when", "whereas", "although", "though",
            "because", "whilst", "since", "until", "once");
    private static final String SENTENCE_ENDS = ".!?";
    private static final String CLAUSE_BREAKS = ",;:—–";
    private static final int MAX_MODIFIERS = 4;

    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.;:!?])");
    private static final Pattern DOUBLED_COMMA = Pattern.compile(",\\s*([,.;:!?])");
    private static final Pattern DOUBLED_STOP = Pattern.compile("([.!?])\\s*[.,;:]+");
    private static final Pattern LEADING_BREAK = Pattern.compile("^\\s*[,;:]\\s*");
    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?]\\s+)(\\p{Ll})");

    private String text;
    private final List<String> kept = new ArrayList<>();

    OfflineWriteText(String text, List<String> kept) {
        this.text = text;
        this.kept.addAll(kept);
    }

    String text() {
        return text;
    }

    /** Protects a phrase from later edits: a new value just written. */
    void keep(String phrase) {
        kept.add(phrase);
    }

    // Finding

    /**
     * Where a phrase occurs, except inside a longer phrase that must stay: "afternoon" inside the untouched lighting
     * "glints of afternoon light" is left alone.
     */
    List<Span> occurrences(String phrase) {
        List<Span> guarded = guarded();
        return Mentions.find(text, phrase).stream()
                .filter(span -> guarded.stream().noneMatch(g -> span.within(g) && g.length() > span.length()))
                .toList();
    }

    private List<Span> guarded() {
        var spans = new ArrayList<Span>();
        for (String phrase : kept) {
            spans.addAll(Mentions.find(text, phrase));
        }
        return spans;
    }

    /** Whether a range, a part of it left out, mentions any of the phrases. */
    boolean mentionsAny(Span range, Span without, List<String> phrases) {
        String rest = text.substring(range.start(), without.start()) + " , " + text.substring(without.end(), range.end());
        return phrases.stream().anyMatch(p -> !Mentions.stems(p).isEmpty() && Mentions.mentions(rest, p));
    }

    /**
     * The noun phrase around a value: back over the words before it to a determiner ("a well-loved cast iron skillet"),
     * or over adjective-looking words to a preposition or a break ("scattered measuring spoons").
     */
    NounPhrase nounPhrase(Span core) {
        List<Token> before = tokensBetween(sentenceStart(core.start()), core.start());
        int start = core.start();
        for (int i = before.size() - 1, taken = 0; i >= 0 && taken < MAX_MODIFIERS; i--, taken++) {
            Token token = before.get(i);
            if (!joined(token.end(), start)) {
                break;
            }
            if (OfflineEditWords.DETERMINERS.contains(token.word())) {
                return new NounPhrase(token.start(), token, core);
            }
            if (stopsNounPhrase(token.word()) || !OfflineWriteGrammar.adjectival(token.word()) && !hyphenated(token)) {
                break;
            }
            start = token.start();
        }
        return new NounPhrase(start, null, core);
    }

    private static boolean stopsNounPhrase(String word) {
        return OfflineEditWords.PREPOSITIONS.contains(word) || OfflineEditWords.CONNECTIVES.contains(word)
                || OfflineEditWords.AUXILIARIES.contains(word) || OfflineEditWords.PRONOUNS.contains(word);
    }

    private boolean hyphenated(Token token) {
        return token.end() < text.length() && text.charAt(token.end()) == '-'
                || token.start() > 0 && text.charAt(token.start() - 1) == '-';
    }

    /** Whether only spaces and hyphens separate two positions. */
    private boolean joined(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-') {
                return false;
            }
        }
        return true;
    }

    List<Token> tokensBetween(int from, int to) {
        return Mentions.tokens(text.substring(from, to)).stream()
                .map(t -> new Token(t.word(), t.stem(), t.start() + from, t.end() + from)).toList();
    }

    /** The word before a position, if only spaces separate them; null otherwise. */
    Token wordBefore(int position) {
        List<Token> tokens = tokensBetween(sentenceStart(position), position);
        if (tokens.isEmpty() || !text.substring(tokens.getLast().end(), position).isBlank()) {
            return null;
        }
        return tokens.getLast();
    }

    /** The word after a position, if only spaces separate them; null otherwise. */
    Token wordAfter(int position) {
        List<Token> tokens = tokensBetween(position, sentenceEnd(position));
        if (tokens.isEmpty() || !text.substring(position, tokens.getFirst().start()).isBlank()) {
            return null;
        }
        return tokens.getFirst();
    }

    // Structure

    int sentenceStart(int position) {
        for (int i = Math.min(position, text.length()) - 1; i > 0; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i - 1)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The position of the sentence's final punctuation, or the end of the text. */
    int sentenceEnd(int position) {
        for (int i = position; i < text.length(); i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0
                    && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return text.length();
    }

    /** Where the clause around a position starts: after a comma or semicolon, or at a subordinator ("while …"). */
    int clauseStart(int position) {
        int start = sentenceStart(position);
        for (int i = position - 1; i >= start; i--) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return skipSpaces(i + 1);
            }
        }
        List<Token> tokens = tokensBetween(start, position);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (SUBORDINATORS.contains(tokens.get(i).word())) {
                return tokens.get(i).start();
            }
        }
        return start;
    }

    /** Where the clause around a position ends: at a break, at the sentence's end, or before a subordinator. */
    int clauseEnd(int position) {
        int end = sentenceEnd(position);
        for (Token token : tokensBetween(position, end)) {
            if (SUBORDINATORS.contains(token.word()) && token.start() > position) {
                int breakAt = firstBreak(position, token.start());
                return breakAt >= 0 ? breakAt : trimEnd(token.start());
            }
        }
        int breakAt = firstBreak(position, end);
        return breakAt >= 0 ? breakAt : end;
    }

    private int firstBreak(int from, int to) {
        for (int i = from; i < to; i++) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int position) {
        int at = position;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private int trimEnd(int position) {
        int at = position;
        while (at > 0 && text.charAt(at - 1) == ' ') {
            at--;
        }
        return at;
    }

    boolean startsSentence(int position) {
        return text.substring(sentenceStart(position), position).isBlank();
    }

    /** Whether a phrase at this position opens its clause, possibly after a subordinator: it is the clause's subject. */
    boolean opensClause(int position) {
        int start = clauseStart(position);
        List<Token> between = tokensBetween(start, position);
        return between.isEmpty() || between.size() == 1 && SUBORDINATORS.contains(between.getFirst().word());
    }

    String substring(int start, int end) {
        return text.substring(start, end);
    }

    int length() {
        return text.length();
    }

    // Editing

    void replace(int start, int end, String replacement) {
        text = text.substring(0, start) + replacement + text.substring(end);
    }

    /** Deletes a range and the space it leaves doubled. */
    void delete(int start, int end) {
        int from = start;
        int to = end;
        if (from > 0 && text.charAt(from - 1) == ' ' && (to == text.length() || text.charAt(to) == ' '
                || CLAUSE_BREAKS.indexOf(text.charAt(to)) >= 0 || SENTENCE_ENDS.indexOf(text.charAt(to)) >= 0)) {
            from--;
        }
        text = text.substring(0, from) + text.substring(to);
    }

    /** Appends a sentence at the end of the paragraph. */
    void appendSentence(String sentence) {
        String body = text.stripTrailing();
        if (body.isEmpty()) {
            text = sentence;
            return;
        }
        char last = body.charAt(body.length() - 1);
        if (SENTENCE_ENDS.indexOf(last) < 0 && "\"'”’)".indexOf(last) < 0) {
            body = body + ".";
        }
        text = body + " " + sentence;
    }

    /** Fixes what edits leave behind: doubled spaces and punctuation, sentences without a capital. */
    void tidy(boolean capitals) {
        String tidied = SPACES.matcher(text).replaceAll(" ");
        tidied = SPACE_BEFORE_PUNCTUATION.matcher(tidied).replaceAll("$1");
        tidied = DOUBLED_COMMA.matcher(tidied).replaceAll("$1");
        tidied = DOUBLED_STOP.matcher(tidied).replaceAll("$1");
        tidied = LEADING_BREAK.matcher(tidied).replaceAll("");
        if (capitals) {
            tidied = SENTENCE_START.matcher(tidied).replaceAll(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
        }
        text = tidied.strip();
    }
}
