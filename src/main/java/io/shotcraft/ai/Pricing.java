package io.shotcraft.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;



/** USD cost of tokens from the configured price table ({@code shotcraft.ai.prices}). */
@ApplicationScoped
public class Pricing {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final AiConfig config;

    public Pricing(AiConfig config) {
        this.config = config;
    }

    public BigDecimal cost(String model, int tokensIn, int tokensOut) {
        var price = price(model);
        if (price == null) {
            return BigDecimal.ZERO;
        }
        return price.inputPerMillion().multiply(BigDecimal.valueOf(tokensIn))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(tokensOut)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    /**
     * The price of a model: its own entry, else the longest entry its name starts with (endpoints answer with
     * dated snapshot names such as gpt-4.1-mini-2025-04-14), else the {@code default} entry.
     */
    private AiConfig.Price price(String model) {
        if (model == null) {
            return config.prices().get("default");
        }
        var exact = config.prices().get(model);
        if (exact != null) {
            return exact;
        }
        return config.prices().entrySet().stream()
                .filter(e -> model.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(java.util.Map.Entry::getValue)
                .orElse(config.prices().get("default"));
    }
}
