package io.shotcraft.renders.backend;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shotcraft.renders.backend.BackendFailure.Reason;

/**
 * The hosts a backend's outputs may be fetched from: its own (the host of its REST client's URL) and those its
 * settings add, {@code *.example.com} standing for the subdomains of example.com. Anything else an answer points at
 * is refused without a request, so a backend's answer cannot make the service fetch an internal address.
 */
public final class DownloadHosts {

    private final List<String> exact = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();

    public DownloadHosts(String baseUrl, List<String> extra) {
        var own = baseUrl == null ? null : URI.create(baseUrl).getHost();
        if (own != null) {
            exact.add(own.toLowerCase(Locale.ROOT));
        }
        for (var host : extra) {
            var h = host.strip().toLowerCase(Locale.ROOT);
            if (h.startsWith("*.")) {
                suffixes.add(h.substring(1));
            } else if (!h.isEmpty()) {
                exact.add(h);
            }
        }
    }

    /** The URL when it is http(s) on an allowed host; else the failure saying why it is not fetched. */
    URI check(String backend, String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output's URL is not an http(s) URL");
        }
        if (!allows(uri.getHost())) {
            throw new BackendFailure(backend, Reason.FOREIGN_URL, "an output's URL is on " + HttpFailures.cut(uri.getHost())
                    + ", not one of the backend's hosts; it was not fetched");
        }
        return uri;
    }

    boolean allows(String host) {
        var h = host.toLowerCase(Locale.ROOT);
        return exact.contains(h) || suffixes.stream().anyMatch(h::endsWith);
    }
}
