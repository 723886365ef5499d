package io.shotcraft.clips;

import java.util.List;

/**
 * The reference images of one clip: its primary scene and characters, their image URLs where the reference set
 * has them, which one the video model should take as primary (scene, else first character, else none), how many
 * of the clip's scenes and characters have an image, and warnings about references that were dropped.
 */
record ClipReferences(
        String sceneId,
        List<String> characterIds,
        String sceneReferenceUrl,
        List<String> characterReferenceUrls,
        String referenceMode,
        String primaryReferenceUrl,
        String coverage,
        List<String> warnings) {
}
