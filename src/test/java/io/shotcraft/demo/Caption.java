package io.shotcraft.demo;

import java.util.List;

import dev.langchain4j.model.output.structured.Description;

/** A test-only task's answer: a caption for a scene and its tags. */
public record Caption(@Description("One sentence") String captionText, @Description("Lower-case tags") List<String> tags) {
}
