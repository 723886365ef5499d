package io.shotcraft.ai;

import com.fasterxml.jackson.databind.JsonNode;

/** A model's answer that parsed and fitted its schema, with the usage the endpoint reported. */
public record LlmAnswer(JsonNode json, String model, int tokensIn, int tokensOut, int attempts) {
}
