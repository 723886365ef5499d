package io.shotcraft.targets;

import java.util.List;

/** A category of target models ({@code image_generation}, {@code video_generation}): shared instructions, groups in order. */
public record TargetCategory(String name, String sharedInstructions, List<TargetGroup> groups) {

    public TargetGroup group(String name) {
        for (var group : groups) {
            if (group.name().equals(name)) {
                return group;
            }
        }
        return null;
    }
}
