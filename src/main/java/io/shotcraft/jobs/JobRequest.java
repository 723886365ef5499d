package io.shotcraft.jobs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A request to run a job of a given kind. */
@RegisterForReflection
@Schema(name = "JobRequest")
public record JobRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "clips.prompts") String kind,
        @Schema(description = "The kind's input") JsonNode input) {
}
