package io.shotcraft.learning.evolve;

import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The sequential A/B decision between a candidate prompt version and the current one, from paired outcomes (the same
 * input rendered with both, one rating each): the candidate's win rate has a Beta(1 + wins, 1 + losses) posterior
 * (uniform prior; ties count for neither side but use up a pair). Once P(win rate &gt; 0.5) reaches
 * {@value #PROMOTE_AT} the candidate is promoted, once it falls to {@value #RETIRE_AT} it is retired; after
 * {@value #MAX_PAIRS} pairs without either, the current version stays. Pure and stateless.
 */
public final class AbDecision {

    public static final double PROMOTE_AT = 0.95;
    public static final double RETIRE_AT = 0.05;
    public static final int MAX_PAIRS = 20;

    public enum Decision {
        /** The candidate wins often enough: it becomes the current version. */
        PROMOTE,
        /** The candidate loses often enough: it is dropped. */
        RETIRE,
        /** Not sure yet: collect another pair. */
        CONTINUE,
        /** The pairs ran out without a clear answer: the current version stays, the candidate is dropped. */
        KEEP_CURRENT
    }

    /** One pair: the candidate's rating and the current version's rating of the same input. */
    public record Pair(double candidate, double current) {
    }

    /**
     * A decision with its figures.
     *
     * @param probability the posterior probability that the candidate's win rate is over one half
     */
    @RegisterForReflection
    public record Result(Decision decision, int wins, int losses, int ties, int pairs, double probability) {
    }

    private AbDecision() {
    }

    /** The decision on these pairs, in any order. */
    public static Result decide(List<Pair> pairs) {
        int wins = 0;
        int losses = 0;
        int ties = 0;
        for (var pair : pairs) {
            int compared = Double.compare(pair.candidate(), pair.current());
            if (compared > 0) {
                wins++;
            } else if (compared < 0) {
                losses++;
            } else {
                ties++;
            }
        }
        return decide(wins, losses, ties);
    }

    /** The decision on this many wins, losses and ties of the candidate. */
    public static Result decide(int wins, int losses, int ties) {
        if (wins < 0 || losses < 0 || ties < 0) {
            throw new IllegalArgumentException("Counts must not be negative: " + wins + "/" + losses + "/" + ties);
        }
        int pairs = wins + losses + ties;
        double probability = probabilityBetter(wins, losses);
        Decision decision;
        if (probability >= PROMOTE_AT) {
            decision = Decision.PROMOTE;
        } else if (probability <= RETIRE_AT) {
            decision = Decision.RETIRE;
        } else if (pairs >= MAX_PAIRS) {
            decision = Decision.KEEP_CURRENT;
        } else {
            decision = Decision.CONTINUE;
        }
        return new Result(decision, wins, losses, ties, pairs, probability);
    }

    /** P(p &gt; 0.5) for p ~ Beta(1 + wins, 1 + losses). */
    static double probabilityBetter(int wins, int losses) {
        // No random generator: only the CDF is used, and none is then built (or kept in the native image).
        var posterior = new BetaDistribution(null, 1.0 + wins, 1.0 + losses);
        return 1.0 - posterior.cumulativeProbability(0.5);
    }
}
