package io.shotcraft.ai;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which engine made a result: a model over HTTP, or the deterministic offline code. */
public enum Engine {
    LLM, OFFLINE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
