package io.shotcraft.renders.backend;

import java.util.List;

/**
 * What a backend answered for one render: its outputs, the model it names, its own id for the render (null for
 * synchronous backends), whether the outputs are previews rather than the real thing, and what it could not honour.
 */
public record BackendResult(List<BackendOutput> outputs, String model, String backendId, boolean preview, List<String> warnings) {
}
