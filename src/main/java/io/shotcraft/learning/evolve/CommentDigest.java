package io.shotcraft.learning.evolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.parameters.Vocabulary;

/**
 * What raters said of a prompt version, boiled down for evolution: the {@code issues} named in low-rated comments
 * (rating {@value #ISSUE_AT_MOST} or less) and what high-rated ones {@code praised} (rating {@value #PRAISE_AT_LEAST}
 * or more). A 3 is neutral and ignored: such comments mix praise and complaint ("good layout but a bit flat"), and
 * guessing which part is which would feed evolution noise.
 *
 * <p>A comment is cut into phrases at punctuation and at "but"; each phrase loses the words that open or close it
 * without saying anything of the image ("the image looks a bit flat overall" → "flat"; negations stay: "no depth at
 * all" → "no depth")
 * and is cut to {@value #MAX_PHRASE_WORDS} words. Phrases are counted once per comment and the most frequent come
 * first, ties in the order they first appeared; at most {@code limit} of each. Deterministic; comments are user text,
 * so nothing of them is logged above DEBUG.
 *
 * @param issues  phrases of low-rated comments, most frequent first
 * @param praised phrases of high-rated comments, most frequent first
 */
@RegisterForReflection
public record CommentDigest(List<String> issues, List<String> praised) {

    public static final int ISSUE_AT_MOST = 2;
    public static final int PRAISE_AT_LEAST = 4;
    public static final int DEFAULT_LIMIT = 5;
    static final int MAX_PHRASE_WORDS = 8;
    /** Only the start of a very long comment is read: what raters name first is what matters, and work stays bounded. */
    static final int MAX_COMMENT_CHARS = 2_000;

    private static final Pattern CLAUSES = Pattern.compile("[.!?;,:()\\[\\]\"\\n\\r\\t]+|\\s+but\\s+|\\s+-+\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "neither", "nor", "lacks",
            "lacking", "missing");
    private static final Set<String> OPENERS = openers();
    /** What may close a phrase without meaning: the openers and dangling prepositions ("no depth at all"). */
    private static final Set<String> CLOSERS = closers();

    /** One rating with its comment (which may be null or blank). */
    @RegisterForReflection
    public record RatedComment(int rating, String comment) {
    }

    public CommentDigest {
        issues = List.copyOf(issues);
        praised = List.copyOf(praised);
    }

    /** The digest of these comments, at most {@value #DEFAULT_LIMIT} issues and praises. */
    public static CommentDigest of(List<RatedComment> comments) {
        return of(comments, DEFAULT_LIMIT);
    }

    /** The digest of these comments, at most {@code limit} issues and {@code limit} praises. */
    public static CommentDigest of(List<RatedComment> comments, int limit) {
        Map<String, Integer> issues = new LinkedHashMap<>();
        Map<String, Integer> praised = new LinkedHashMap<>();
        for (var rated : comments) {
            if (rated == null || rated.comment() == null || rated.comment().isBlank()) {
                continue;
            }
            if (rated.rating() <= ISSUE_AT_MOST) {
                count(issues, phrases(rated.comment()));
            } else if (rated.rating() >= PRAISE_AT_LEAST) {
                count(praised, phrases(rated.comment()));
            }
        }
        var digest = new CommentDigest(top(issues, limit), top(praised, limit));
        Log.debugf("Comment digest of %d comments: %d issues, %d praises", comments.size(), digest.issues().size(),
                digest.praised().size());
        return digest;
    }

    /** The phrases of one comment, each once, in order. */
    static Set<String> phrases(String comment) {
        var text = comment.length() > MAX_COMMENT_CHARS ? comment.substring(0, MAX_COMMENT_CHARS) : comment;
        Set<String> phrases = new LinkedHashSet<>();
        for (String clause : CLAUSES.split(text.toLowerCase(Locale.ROOT))) {
            var phrase = phrase(clause);
            if (!phrase.isEmpty()) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    private static String phrase(String clause) {
        List<String> words = new ArrayList<>();
        for (String word : SPACE.split(clause.strip())) {
            var bare = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!bare.isEmpty()) {
                words.add(bare);
            }
        }
        int start = 0;
        int end = words.size();
        while (start < end && OPENERS.contains(words.get(start))) {
            start++;
        }
        while (end > start && CLOSERS.contains(words.get(end - 1))) {
            end--;
        }
        if (end - start == 1 && NEGATIONS.contains(words.get(start))) {
            return "";
        }
        return String.join(" ", words.subList(start, Math.min(end, start + MAX_PHRASE_WORDS)));
    }

    private static void count(Map<String, Integer> counts, Set<String> phrases) {
        phrases.forEach(phrase -> counts.merge(phrase, 1, Integer::sum));
    }

    private static List<String> top(Map<String, Integer> counts, int limit) {
        // A stable sort keeps first appearance among equal counts.
        return counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(Math.max(0, limit))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Set<String> openers() {
        var words = Vocabulary.of("function-words");
        Set<String> openers = new HashSet<>(Vocabulary.of("rendering-quality").terms("COMMENT_OPENERS"));
        for (var key : List.of("DETERMINERS", "POSSESSIVES", "PRONOUNS", "AUXILIARIES", "RELATIVES", "CONJUNCTIONS")) {
            openers.addAll(words.terms(key));
        }
        openers.removeAll(NEGATIONS);
        return Set.copyOf(openers);
    }

    private static Set<String> closers() {
        Set<String> closers = new HashSet<>(OPENERS);
        closers.addAll(Vocabulary.of("function-words").terms("PREPOSITIONS"));
        closers.removeAll(NEGATIONS);
        return Set.copyOf(closers);
    }
}
