package io.shotcraft.learning.evolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;

/**
 * The rendering-quality terms the offline evolver adds, by the issue they answer (vocabulary/rendering-quality.txt),
 * read once. An issue raters named is one of these when it mentions one of its cues ({@link Mentions}).
 */
final class RenderingTerms {

    /** One kind of issue: its name, the words that name it in a comment, the terms that answer it, best first. */
    record Issue(String name, List<String> cues, List<String> terms) {

        boolean namedIn(String comment) {
            return cues.stream().anyMatch(cue -> Mentions.mentions(comment, cue));
        }
    }

    static final List<Issue> ISSUES = issues();
    /** What is added when no named issue matches: general photorealism terms. */
    static final Issue GENERAL = new Issue("photorealism", List.of(), Vocabulary.of("rendering-quality").terms("GENERAL"));

    private RenderingTerms() {
    }

    /** The kinds of issue these phrases name, each once: those of the first (most frequent) phrase first. */
    static List<Issue> matching(List<String> phrases) {
        List<Issue> matched = new ArrayList<>();
        for (String phrase : phrases) {
            for (Issue issue : ISSUES) {
                if (!matched.contains(issue) && issue.namedIn(phrase)) {
                    matched.add(issue);
                }
            }
        }
        return matched;
    }

    private static List<Issue> issues() {
        List<Issue> issues = new ArrayList<>();
        for (var entry : Vocabulary.of("rendering-quality").entries()) {
            if (!entry.key().equals("ISSUE")) {
                continue;
            }
            var fields = entry.fields();
            if (fields.size() != 3) {
                throw entry.malformed("expected 'name; cues; terms'");
            }
            issues.add(new Issue(fields.get(0), commas(fields.get(1)), commas(fields.get(2))));
        }
        return List.copyOf(issues);
    }

    private static List<String> commas(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
