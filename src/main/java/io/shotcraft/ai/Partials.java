package io.shotcraft.ai;

/**
 * Where a streamed answer goes, piece by piece, as the model writes it. A piece already handed on cannot be taken
 * back: when an answer that was streamed is then rejected (a check broke, a retry, the offline engine answering),
 * {@link #reset()} comes before anything that replaces it.
 */
public interface Partials {

    void piece(String text);

    /** Everything handed on since the last reset is void. */
    void reset();
}
