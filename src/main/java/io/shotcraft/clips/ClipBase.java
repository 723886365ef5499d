package io.shotcraft.clips;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.clips.offline.ClipContext;

/**
 * One clip ready to be written: its script, references and context, the template prompt (the base the model
 * rewrites, and the fallback), and the previous clip of the same scene, whose context it continues.
 */
record ClipBase(ClipScript script, ClipReferences references, ClipContext context, String template, Integer previousClipIndex) {

    int index() {
        return script.clipIndex();
    }

    /** The design's base-prompt entry, as the model receives it. */
    Map<String, Object> forModel() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("clip_index", script.clipIndex());
        entry.put("visual_description", text(script.visualDescription()));
        entry.put("motion", text(script.motion()));
        entry.put("camera_angle", text(script.cameraAngle()));
        entry.put("scene_id", references.sceneId());
        entry.put("scene_description", context.sceneDescription());
        entry.put("character_ids", references.characterIds());
        entry.put("character_descriptions", context.characterDescriptions());
        entry.put("duration", script.duration());
        entry.put("beat_intensity", script.beatIntensityOrDefault());
        entry.put("lyrics_context", text(script.lyricsContext()));
        entry.put("style_keywords", context.styleKeywords());
        entry.put("reference_mode", references.referenceMode());
        entry.put("previous_clip", context.previousShot());
        entry.put("base_prompt", template);
        return entry;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    static List<Map<String, Object>> forModel(List<ClipBase> batch) {
        return batch.stream().map(ClipBase::forModel).toList();
    }
}
