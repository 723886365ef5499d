package io.shotcraft.parameters.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a prompt into words and punctuation, then joins runs of words that form one lexicon term. A word is a run
 * of letters and digits, with inner hyphens and apostrophes ("half-empty", "robot's", "35mm").
 */
final class OfflineExtractTokenizer {

    private static final String STOPS = ".!?;…";
    private static final String JOINERS = "-'’‑";
    private static final Set<String> CONTRACTIONS = Set.of("'s", "'re", "'ll", "'ve", "'m", "'d");
    private static final Set<String> NOT_POSSESSIVE = Set.of("it", "he", "she", "that", "there", "here", "what",
            "who", "let", "where");

    private OfflineExtractTokenizer() {
    }

    static List<OfflineExtractToken> tokenize(String prompt) {
        return join(prompt, split(prompt));
    }

    private static List<OfflineExtractToken> split(String text) {
        var tokens = new ArrayList<OfflineExtractToken>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int end = wordEnd(text, i);
                tokens.add(word(text, i, end));
                i = end;
                continue;
            }
            if (c == '\n' || STOPS.indexOf(c) >= 0) {
                addMark(tokens, text, i, OfflineExtractToken.Type.STOP);
            } else if (!Character.isWhitespace(c)) {
                addMark(tokens, text, i, OfflineExtractToken.Type.PAUSE);
            }
            i++;
        }
        return tokens;
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if (JOINERS.indexOf(c) >= 0 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static OfflineExtractToken word(String text, int start, int end) {
        String surface = text.substring(start, end);
        String lower = surface.toLowerCase(Locale.ROOT).replace('’', '\'');
        int coreEnd = end;
        int apostrophe = lower.lastIndexOf('\'');
        if (apostrophe > 0 && CONTRACTIONS.contains(lower.substring(apostrophe))) {
            String base = lower.substring(0, apostrophe);
            boolean possessive = lower.endsWith("'s") && !NOT_POSSESSIVE.contains(base);
            coreEnd = possessive ? start + apostrophe : end;
            return new OfflineExtractToken(surface, OfflineLexiconLookup.normalize(base), start, end, coreEnd,
                    OfflineExtractToken.Type.WORD);
        }
        if (lower.endsWith("n't")) {
            String base = lower.substring(0, lower.length() - 3);
            String key = OfflineLexiconLookup.normalize(base.equals("ca") ? "can" : base);
            return new OfflineExtractToken(surface, key, start, end, end, OfflineExtractToken.Type.WORD);
        }
        return new OfflineExtractToken(surface, OfflineLexiconLookup.normalize(lower), start, end, coreEnd,
                OfflineExtractToken.Type.WORD);
    }

    private static void addMark(List<OfflineExtractToken> tokens, String text, int at, OfflineExtractToken.Type type) {
        boolean repeat = !tokens.isEmpty() && tokens.get(tokens.size() - 1).type() == OfflineExtractToken.Type.STOP
                && type == OfflineExtractToken.Type.STOP;
        if (!repeat) {
            tokens.add(new OfflineExtractToken(text.substring(at, at + 1), text.substring(at, at + 1), at, at + 1,
                    at + 1, type));
        }
    }

    /** Joins the longest runs of words that form one term, so that "cast iron" or "next to" read as one word. */
    private static List<OfflineExtractToken> join(String text, List<OfflineExtractToken> tokens) {
        var joined = new ArrayList<OfflineExtractToken>();
        int i = 0;
        while (i < tokens.size()) {
            int length = termLength(tokens, i);
            if (length <= 1) {
                joined.add(tokens.get(i));
            } else {
                OfflineExtractToken first = tokens.get(i);
                OfflineExtractToken last = tokens.get(i + length - 1);
                joined.add(new OfflineExtractToken(text.substring(first.start(), last.end()),
                        key(tokens, i, length), first.start(), last.end(), last.coreEnd(),
                        OfflineExtractToken.Type.WORD));
            }
            i += Math.max(1, length);
        }
        return joined;
    }

    private static int termLength(List<OfflineExtractToken> tokens, int from) {
        for (int length = OfflineLexiconLookup.longestTerm(); length > 1; length--) {
            if (from + length <= tokens.size() && allWords(tokens, from, length)
                    && OfflineLexiconLookup.isTerm(key(tokens, from, length))) {
                return length;
            }
        }
        return 1;
    }

    private static boolean allWords(List<OfflineExtractToken> tokens, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (!tokens.get(i).isWord()) {
                return false;
            }
        }
        return true;
    }

    private static String key(List<OfflineExtractToken> tokens, int from, int length) {
        var key = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            key.append(i > from ? " " : "").append(tokens.get(i).key());
        }
        return key.toString();
    }
}
