package io.shotcraft.renders.backend;

import java.util.List;
import java.util.Optional;

import io.shotcraft.renders.RendersConfig;

/**
 * What the backends reached over HTTP share: their settings, the guard around their calls (retries that honour
 * {@code Retry-After}, the circuit breaker), the hosts their outputs may be downloaded from (the backend's own, and
 * those configured), and the bearer token. The backends are {@code @Singleton}s: a normal-scoped bean needs a no-args
 * constructor for its client proxy, which a subclass of this class cannot have.
 */
abstract class RemoteBackend implements RenderBackend {

    protected final String name;
    protected final RendersConfig renders;
    protected final RendersConfig.Backend config;
    protected final Downloader downloader;
    protected final BackendGuard guard;
    protected final DownloadHosts hosts;

    protected RemoteBackend(String name, RendersConfig renders, RendersConfig.Backend config, Downloader downloader,
            Optional<String> url) {
        this.name = name;
        this.renders = renders;
        this.config = config;
        this.downloader = downloader;
        this.guard = new BackendGuard(name, config);
        this.hosts = new DownloadHosts(url.orElse(null), config.downloadHosts().orElse(List.of()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean enabled() {
        return config.on();
    }

    @Override
    public String defaultModel() {
        return config.defaultModel().orElse(null);
    }

    protected String bearer() {
        return "Bearer " + config.apiKey().orElse("");
    }
}
