package io.shotcraft.learning.evolve;

import java.util.Optional;

/**
 * When a study's prompt evolves, after the design's triggers:
 * <ul>
 * <li>{@link Trigger#MANUAL}: an administrator asks;</li>
 * <li>{@link Trigger#LOW_PERFORMANCE}: the best rating is still under {@value #LOW_RATING} after
 * {@value #LOW_AFTER_SAMPLES} samples;</li>
 * <li>{@link Trigger#PLATEAU}: the best rating has not improved in the last {@value #PLATEAU_SAMPLES} samples;</li>
 * <li>{@link Trigger#PERIODIC}: every {@value #EVERY_SAMPLES} samples while the best rating is under
 * {@value #TARGET_RATING} (the design's condition of the periodic evolution).</li>
 * </ul>
 * Rules that make them safe to check after every rating:
 * <ul>
 * <li>nothing fires twice at one sample count, nor at a count below the last evolution's: without new ratings an
 * evolution would only repeat the last one (a manual request then waits for the next rating);</li>
 * <li>{@code PERIODIC} fires when a multiple of {@value #EVERY_SAMPLES} was reached since the last evolution, so
 * ratings arriving together and skipping the exact count do not skip it;</li>
 * <li>{@code LOW_PERFORMANCE} and {@code PLATEAU} are conditions that hold over many samples: they fire at most once
 * per {@value #LOW_AFTER_SAMPLES_GAP} resp. {@value #PLATEAU_SAMPLES} samples since the last evolution, the room
 * an evolution's variants need to be tested (the design: two variants, five samples each). Under the target they
 * fall on the periodic counts and name them; a plateau also fires above the target, until the best rating is
 * {@value #MAX_RATING};</li>
 * <li>when several hold, the first in the order above names the evolution.</li>
 * </ul>
 * Pure functions of their arguments.
 */
public final class EvolutionTriggers {

    public static final int EVERY_SAMPLES = 10;
    public static final double TARGET_RATING = 4.5;
    public static final double LOW_RATING = 4.0;
    public static final int LOW_AFTER_SAMPLES = 20;
    public static final int LOW_AFTER_SAMPLES_GAP = 10;
    public static final int PLATEAU_SAMPLES = 15;
    public static final double MAX_RATING = 5.0;

    public enum Trigger {
        MANUAL, LOW_PERFORMANCE, PLATEAU, PERIODIC
    }

    private EvolutionTriggers() {
    }

    /**
     * Which trigger fires now, if any.
     *
     * @param samples                rated samples of the study so far
     * @param bestRating             the best (average) rating so far, null before the first
     * @param samplesAtBest          the sample count at which the best rating was first reached (0 before it)
     * @param lastEvolutionAtSample  the sample count of the last evolution, null before the first
     * @param manual                 whether an administrator asks for one now
     */
    public static Optional<Trigger> due(int samples, Double bestRating, int samplesAtBest, Integer lastEvolutionAtSample,
            boolean manual) {
        if (lastEvolutionAtSample != null && samples <= lastEvolutionAtSample) {
            return Optional.empty();
        }
        if (manual) {
            return Optional.of(Trigger.MANUAL);
        }
        if (samples <= 0 || (bestRating != null && bestRating >= MAX_RATING)) {
            return Optional.empty();
        }
        int since = lastEvolutionAtSample == null ? samples : samples - lastEvolutionAtSample;
        if (bestRating != null && bestRating < LOW_RATING && samples >= LOW_AFTER_SAMPLES && since >= LOW_AFTER_SAMPLES_GAP) {
            return Optional.of(Trigger.LOW_PERFORMANCE);
        }
        if (bestRating != null && samples - samplesAtBest >= PLATEAU_SAMPLES && since >= PLATEAU_SAMPLES) {
            return Optional.of(Trigger.PLATEAU);
        }
        int anchor = lastEvolutionAtSample == null ? 0 : lastEvolutionAtSample;
        if ((bestRating == null || bestRating < TARGET_RATING) && samples / EVERY_SAMPLES > anchor / EVERY_SAMPLES) {
            return Optional.of(Trigger.PERIODIC);
        }
        return Optional.empty();
    }

    /**
     * The sample count at which the next automatic evolution is due if the best rating stays as it is: the current
     * count when one is due now, null when none will be (the best rating is {@value #MAX_RATING}).
     */
    public static Integer nextEvolutionAtSample(int samples, Double bestRating, int samplesAtBest,
            Integer lastEvolutionAtSample) {
        if (bestRating != null && bestRating >= MAX_RATING) {
            return null;
        }
        // With a best rating below the maximum, PLATEAU fires within PLATEAU_SAMPLES samples of any count at the latest.
        int from = Math.max(Math.max(samples, 1), lastEvolutionAtSample == null ? 0 : lastEvolutionAtSample + 1);
        for (int at = from; at <= from + PLATEAU_SAMPLES; at++) {
            if (due(at, bestRating, samplesAtBest, lastEvolutionAtSample, false).isPresent()) {
                return at;
            }
        }
        return null;
    }
}
