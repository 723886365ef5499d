package io.shotcraft.ai;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Tokens and cost a result took; zero for offline and cached results. */
@RegisterForReflection
public record Usage(int tokensIn, int tokensOut, BigDecimal costUsd) {

    public static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);

    public Usage plus(Usage other) {
        return new Usage(tokensIn + other.tokensIn, tokensOut + other.tokensOut,
                (costUsd == null ? BigDecimal.ZERO : costUsd).add(other.costUsd == null ? BigDecimal.ZERO : other.costUsd));
    }
}
