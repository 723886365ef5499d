package io.shotcraft.learning.reward;

import java.util.LinkedHashSet;
import java.util.List;

import io.shotcraft.parameters.Mentions;

/**
 * A prompt's terms as model inputs: its comma- or semicolon-separated parts ({@link Mentions#parts}), each reduced to
 * its words' stems ({@link Mentions#stems}: case, punctuation and plural or verb endings folded, as everywhere else in
 * the service), counted once, hashed into {@link #BUCKETS} buckets. Hashing keeps the input's width fixed whatever
 * vocabulary the prompts grow; collisions only merge two terms' effects. {@link String#hashCode()} is specified by the
 * JDK, so a term lands in the same bucket in every run and every version.
 */
final class PromptTerms {

    static final int BUCKETS = 64;

    private PromptTerms() {
    }

    static List<String> terms(String prompt) {
        if (prompt == null) {
            return List.of();
        }
        var terms = new LinkedHashSet<String>();
        for (String part : Mentions.parts(prompt)) {
            String term = String.join(" ", Mentions.stems(part));
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return List.copyOf(terms);
    }

    /** Adds the prompt's term counts per bucket into {@code out} from {@code offset}. */
    static void hash(String prompt, double[] out, int offset) {
        for (String term : terms(prompt)) {
            out[offset + bucket(term)]++;
        }
    }

    static int bucket(String term) {
        int h = term.hashCode();
        // murmur3's finaliser: spreads similar strings, whose hash codes differ only in low bits
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, BUCKETS);
    }
}
