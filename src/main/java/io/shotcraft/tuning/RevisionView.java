package io.shotcraft.tuning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One revision in a session's history. */
@RegisterForReflection
public record RevisionView(int number, String prompt, Map<String, String> parameters, String request, List<String> changes,
        String engine, @JsonInclude(JsonInclude.Include.ALWAYS) String model, OffsetDateTime createdAt) {
}
