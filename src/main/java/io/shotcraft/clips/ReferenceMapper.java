package io.shotcraft.clips;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the scene and character ids of clip scripts to reference image URLs. No references, or a set whose status
 * is {@code failed}, gives text-only clips; otherwise the first valid image of each id counts, a clip's scene is the
 * first of its scenes that has one, and its characters keep the images found. Images whose URL is not http(s) are
 * dropped, and each clip that would have used one says so in a warning.
 */
final class ReferenceMapper {

    private final Map<String, String> scenes = new LinkedHashMap<>();
    private final Map<String, String> characters = new LinkedHashMap<>();
    private final Map<String, String> droppedScenes = new HashMap<>();
    private final Map<String, String> droppedCharacters = new HashMap<>();

    ReferenceMapper(ReferenceImages references) {
        if (references == null || "failed".equals(references.status())) {
            return;
        }
        index(references.sceneReferencesOrEmpty(), true);
        index(references.characterReferencesOrEmpty(), false);
    }

    private void index(List<ReferenceImages.ReferenceImage> images, boolean scene) {
        var urls = scene ? scenes : characters;
        var dropped = scene ? droppedScenes : droppedCharacters;
        for (var image : images) {
            var id = scene ? image.sceneId() : image.characterId();
            if (id == null || id.isBlank() || urls.containsKey(id)) {
                continue;
            }
            if (isHttpUrl(image.imageUrl())) {
                urls.put(id, image.imageUrl().strip());
                dropped.remove(id);
            } else {
                dropped.putIfAbsent(id, (scene ? "scene" : "character") + " reference '" + id
                        + "' has no valid http(s) image URL and was dropped");
            }
        }
    }

    ClipReferences map(ClipScript clip) {
        var warnings = new ArrayList<String>();
        String sceneId = null;
        String sceneUrl = null;
        int found = 0;
        for (var id : clip.scenesOrEmpty()) {
            var url = scenes.get(id);
            if (url != null) {
                found++;
                if (sceneUrl == null) {
                    sceneId = id;
                    sceneUrl = url;
                }
            } else if (droppedScenes.containsKey(id)) {
                warnings.add(droppedScenes.get(id));
            }
        }
        if (sceneId == null && !clip.scenesOrEmpty().isEmpty()) {
            sceneId = clip.scenesOrEmpty().getFirst();
        }
        var characterUrls = new ArrayList<String>();
        for (var id : clip.charactersOrEmpty()) {
            var url = characters.get(id);
            if (url != null) {
                found++;
                if (!characterUrls.contains(url)) {
                    characterUrls.add(url);
                }
            } else if (droppedCharacters.containsKey(id)) {
                warnings.add(droppedCharacters.get(id));
            }
        }
        int wanted = clip.scenesOrEmpty().size() + clip.charactersOrEmpty().size();
        var coverage = found == 0 ? "none" : found < wanted ? "partial" : "full";
        String mode = sceneUrl != null ? "scene" : characterUrls.isEmpty() ? "text_only" : "character";
        String primary = sceneUrl != null ? sceneUrl : characterUrls.isEmpty() ? null : characterUrls.getFirst();
        return new ClipReferences(sceneId, clip.charactersOrEmpty(), sceneUrl, List.copyOf(characterUrls), mode, primary,
                coverage, List.copyOf(warnings));
    }

    /** An absolute http or https URL with a host. */
    static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            var uri = new URI(url.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
