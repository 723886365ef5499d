package io.shotcraft.renders.backend;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Every backend the service knows, offline first; which of them are enabled is each backend's settings' say. */
@ApplicationScoped
public class RenderBackends {

    private final List<RenderBackend> all;

    public RenderBackends(Instance<RenderBackend> backends) {
        this.all = backends.stream()
                .sorted(Comparator.comparing((RenderBackend b) -> !b.name().equals("offline")).thenComparing(RenderBackend::name))
                .toList();
    }

    public List<RenderBackend> all() {
        return all;
    }

    /** The backend of this name, or null when there is none. */
    public RenderBackend named(String name) {
        return all.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    /** The names of the enabled backends, for messages. */
    public List<String> enabledNames() {
        return all.stream().filter(RenderBackend::enabled).map(RenderBackend::name).toList();
    }
}
