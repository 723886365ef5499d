package io.shotcraft.clips.offline;

import java.util.List;

/**
 * Everything one clip's prompt is written from, as plain text: the script's fields, the plan's descriptions of
 * the clip's scene and characters, the job's style, palette (named, as {@link ColorNames#summarize} gives it) and
 * keywords, whether reference images exist, and a short context of the previous clip in the same scene (or null).
 */
public record ClipContext(
        int clipIndex,
        String visualDescription,
        String motion,
        String cameraAngle,
        String beatIntensity,
        String sceneDescription,
        List<String> characterDescriptions,
        String visualStyle,
        String mood,
        String lighting,
        String cinematography,
        String palette,
        List<String> styleKeywords,
        boolean sceneReference,
        boolean characterReference,
        String previousShot,
        int maxWords) {
}
