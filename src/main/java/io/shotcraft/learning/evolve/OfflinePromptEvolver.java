package io.shotcraft.learning.evolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.parameters.Mentions;

/**
 * Evolves a prompt without a model, term by term, from its ratings: the engine used when no LLM is configured, when
 * the LLM fails or its answer breaks the rules, and in tests.
 *
 * <p>A prompt is read as comma-separated terms ("photorealistic interior, soft light, 8k"). Against the scored
 * versions (the history, and the current prompt with its rating):
 * <ul>
 * <li>a term of the current prompt that low-rated versions (average {@value #LOW_RATING} or less) have and no
 * high-rated one does is dropped, unless it holds a never-change phrase or a praise names it. Versions in between
 * say nothing either way (the current prompt, usually one of them, has all its terms); without a high-rated version
 * to compare with nothing is dropped;</li>
 * <li>terms of high-rated versions (average {@value #HIGH_RATING} or more) are kept, and the bold variant restores
 * those the current prompt lost;</li>
 * <li>rendering-quality terms are added for the issues raters named ({@link RenderingTerms}: "flat" → depth of
 * field, volumetric lighting; "blurry" → sharp focus), general photorealism terms when none matches.</li>
 * </ul>
 * Two variants: the <em>focused</em> one adds the first fitting term per issue, the <em>bold</em> one restores
 * high-rated terms and adds the next ones. Both keep every never-change phrase (added first when the prompt lacks
 * one) and the length cap (added terms only while they fit; over the cap already, the last removable terms go).
 * A pure function of its input; stateless and thread-safe.
 */
@ApplicationScoped
public class OfflinePromptEvolver {

    static final double HIGH_RATING = 3.5;
    static final double LOW_RATING = 2.5;
    private static final String SEPARATOR = ", ";
    private static final Pattern TERMS = Pattern.compile("[,;\\n]+|\\.(?:\\s+|$)");

    /** What the two variants differ in. */
    private enum Style {
        FOCUSED, BOLD
    }

    public EvolvedPrompts evolve(EvolutionInput input) {
        var study = Study.of(input);
        var focused = variant(input, study, Style.FOCUSED, null);
        var bold = variant(input, study, Style.BOLD, focused.improvedPrompt());
        return new EvolvedPrompts(List.of(focused, bold));
    }

    /** The split of the versions' terms by their ratings, and the issues this input names. */
    private record Study(List<String> current, Set<String> lowOnly, List<String> highTerms, Set<String> protectedKeys,
            List<RenderingTerms.Issue> issues, int scored, int high, int low) {

        static Study of(EvolutionInput input) {
            List<ScoredVersion> versions = new ArrayList<>();
            for (var version : input.history()) {
                if (version != null && version.prompt() != null && version.avgRating() != null && version.samples() > 0) {
                    versions.add(version);
                }
            }
            boolean currentListed = input.currentVersion() != null
                    && versions.stream().anyMatch(v -> input.currentVersion().equals(v.version()));
            if (!currentListed && input.currentRating() != null) {
                versions.add(new ScoredVersion(input.currentVersion(), input.currentPrompt(), input.currentRating(), 1));
            }
            Set<String> inLow = new HashSet<>();
            Set<String> inHigh = new HashSet<>();
            int high = 0;
            int low = 0;
            for (var version : versions) {
                var keys = terms(version.prompt()).stream().map(OfflinePromptEvolver::key).toList();
                if (version.avgRating() <= LOW_RATING) {
                    inLow.addAll(keys);
                    low++;
                } else if (version.avgRating() >= HIGH_RATING) {
                    inHigh.addAll(keys);
                    high++;
                }
            }
            // Without a high-rated version to compare with, a low rating says nothing about any one term.
            Set<String> lowOnly = new HashSet<>();
            if (high > 0) {
                inLow.stream().filter(k -> !inHigh.contains(k)).forEach(lowOnly::add);
            }
            List<String> highTerms = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            versions.stream().filter(v -> v.avgRating() >= HIGH_RATING)
                    .sorted(Comparator.comparingDouble((ScoredVersion v) -> -v.avgRating()))
                    .forEach(v -> terms(v.prompt()).stream().filter(t -> seen.add(key(t))).forEach(highTerms::add));
            var current = terms(input.currentPrompt());
            Set<String> protectedKeys = new HashSet<>();
            for (String term : current) {
                if (holdsFixedPhrase(term, input.neverChange())
                        || input.praised().stream().anyMatch(p -> Mentions.mentions(p, term))) {
                    protectedKeys.add(key(term));
                }
            }
            return new Study(current, lowOnly, highTerms, protectedKeys, RenderingTerms.matching(input.issues()),
                    versions.size(), high, low);
        }
    }

    private static PromptVariant variant(EvolutionInput input, Study study, Style style, String other) {
        List<String> changes = new ArrayList<>();
        var terms = new Terms();
        for (String fixed : VariantRules.missing(String.join(SEPARATOR, study.current()), input.neverChange())) {
            terms.add(fixed, true);
            changes.add("added \"" + fixed + "\": it must stay in every variant");
        }
        for (String term : study.current()) {
            var key = key(term);
            if (study.lowOnly().contains(key) && !study.protectedKeys().contains(key)) {
                changes.add("removed \"" + term + "\": only low-rated versions had it");
            } else {
                terms.add(term, study.protectedKeys().contains(key));
            }
        }
        terms.protect(input.neverChange());
        for (String removed : terms.fit(input.maxLength())) {
            changes.add("removed \"" + removed + "\" to fit " + input.maxLength() + " characters");
        }
        if (style == Style.BOLD) {
            for (String term : study.highTerms()) {
                if (!terms.has(term) && !study.lowOnly().contains(key(term)) && terms.tryAdd(term, input.maxLength())) {
                    changes.add("restored \"" + term + "\" from a high-rated version");
                }
            }
        }
        var issues = study.issues().isEmpty() ? List.of(RenderingTerms.GENERAL) : study.issues();
        List<String> answered = new ArrayList<>();
        for (var issue : issues) {
            var fresh = issue.terms().stream().filter(t -> !terms.has(t) && !study.lowOnly().contains(key(t))).toList();
            // The focused variant takes an issue's first term; the bold one the next two, or the first if that is all.
            var picks = style == Style.FOCUSED ? fresh.stream().limit(1).toList()
                    : fresh.size() > 1 ? fresh.subList(1, Math.min(3, fresh.size())) : fresh;
            for (String term : picks) {
                if (terms.tryAdd(term, input.maxLength())) {
                    changes.add("added \"" + term + "\" for " + issue.name());
                    if (issue != RenderingTerms.GENERAL && !answered.contains(issue.name())) {
                        answered.add(issue.name());
                    }
                }
            }
        }
        // A variant must be new, and the two must differ: general terms make the difference when nothing else did.
        for (String term : RenderingTerms.GENERAL.terms()) {
            var text = terms.text();
            if (!VariantRules.same(text, input.currentPrompt()) && (other == null || !VariantRules.same(text, other))) {
                break;
            }
            if (!terms.has(term) && terms.tryAdd(term, input.maxLength())) {
                changes.add("added \"" + term + "\" for photorealism");
            }
        }
        // A fixed phrase split over two terms of the prompt may have lost one of them: it comes back whole.
        for (String fixed : VariantRules.missing(terms.text(), input.neverChange())) {
            terms.addFirst(fixed);
            changes.add("added \"" + fixed + "\": it must stay in every variant");
        }
        return new PromptVariant(terms.text(), changes, reasoning(study, style), expected(answered));
    }

    private static String reasoning(Study study, Style style) {
        var text = new StringBuilder("Offline evolution from the ratings of ").append(study.scored())
                .append(study.scored() == 1 ? " version" : " versions").append(" (").append(study.high()).append(" high-rated, ")
                .append(study.low()).append(" low-rated): ");
        text.append(style == Style.FOCUSED
                ? "a focused variant that keeps the prompt and adds one rendering term per issue raters named"
                : "a bold variant that also restores terms of high-rated versions and adds further rendering terms");
        text.append("; terms only low-rated versions had are removed.");
        return text.toString();
    }

    private static String expected(List<String> answered) {
        if (answered.isEmpty()) {
            return "More photorealism: more natural light, depth and detail.";
        }
        return "Fewer complaints about " + String.join(", ", answered) + ".";
    }

    /** A prompt's comma-separated terms, stripped, empty ones dropped, each once. */
    static List<String> terms(String prompt) {
        if (prompt == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> terms = new ArrayList<>();
        for (String part : TERMS.split(prompt)) {
            var term = VariantRules.tidy(part);
            if (!term.isEmpty() && seen.add(key(term))) {
                terms.add(term);
            }
        }
        return terms;
    }

    static String key(String term) {
        return VariantRules.fold(term).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }

    /** A variant's terms in order, some protected from removal, joined by commas. */
    private static final class Terms {

        private final List<String> terms = new ArrayList<>();
        private final Set<String> keys = new LinkedHashSet<>();
        private final Set<String> kept = new HashSet<>();

        void add(String term, boolean protect) {
            if (keys.add(key(term))) {
                terms.add(term);
            }
            if (protect) {
                kept.add(key(term));
            }
        }

        void addFirst(String term) {
            if (keys.add(key(term))) {
                terms.addFirst(term);
            }
            kept.add(key(term));
        }

        /** Protects every term that holds a never-change phrase. */
        void protect(List<String> neverChange) {
            for (String term : terms) {
                if (holdsFixedPhrase(term, neverChange)) {
                    kept.add(key(term));
                }
            }
        }

        boolean has(String term) {
            return keys.contains(key(term)) || Mentions.mentions(text(), term);
        }

        /** Adds the term when the text stays within {@code maxLength}. */
        boolean tryAdd(String term, int maxLength) {
            var longer = terms.isEmpty() ? term : text() + SEPARATOR + term;
            if (longer.length() > maxLength) {
                return false;
            }
            add(term, false);
            return true;
        }

        /** Removes unprotected terms from the end until the text fits; the removed ones, in removal order. */
        List<String> fit(int maxLength) {
            List<String> removed = new ArrayList<>();
            for (int i = terms.size() - 1; i >= 0 && text().length() > maxLength; i--) {
                var term = terms.get(i);
                if (!kept.contains(key(term))) {
                    terms.remove(i);
                    keys.remove(key(term));
                    removed.add(term);
                }
            }
            return removed;
        }

        String text() {
            return String.join(SEPARATOR, terms);
        }
    }

    private static boolean holdsFixedPhrase(String term, List<String> neverChange) {
        return VariantRules.missing(term, neverChange).size() < neverChange.size();
    }
}
