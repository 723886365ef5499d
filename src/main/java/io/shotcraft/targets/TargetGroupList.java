package io.shotcraft.targets;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A category's groups as the design lists them: numbered from 1, in order, with label, description and models. */
@RegisterForReflection
@Schema(name = "TargetGroupList")
public record TargetGroupList(String category, List<Group> groups, String prompt) {

    @RegisterForReflection
    @Schema(name = "TargetGroup")
    public record Group(int number, String name, String label, String description, List<String> models,
            @Schema(description = "The design's default selection: none") String defaultSelection) {
    }

    static TargetGroupList of(TargetCategory category) {
        var groups = category.groups().stream()
                .map(g -> new Group(g.number(), g.name(), g.label(), g.description(), g.models(), ""))
                .toList();
        return new TargetGroupList(category.name(), groups,
                "Select model groups for " + category.name().replace('_', ' ') + " (enter numbers separated by commas or spaces)");
    }
}
