package io.shotcraft.enhance;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the enhanced prompt is for: text-to-video ({@code t2v}) or image-to-video ({@code i2v}). */
public enum EnhanceMode {
    T2V, I2V;

    /** The name on the wire: {@code t2v} or {@code i2v}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire name, ignoring case.
     *
     * @throws IllegalArgumentException when {@code value} is neither {@code t2v} nor {@code i2v}
     */
    @JsonCreator
    public static EnhanceMode from(String value) {
        for (EnhanceMode mode : values()) {
            if (mode.wire().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown enhance mode '" + value + "': expected t2v or i2v");
    }
}
