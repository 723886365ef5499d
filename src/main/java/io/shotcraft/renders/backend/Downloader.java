package io.shotcraft.renders.backend;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.renders.RendersConfig;
import io.shotcraft.renders.backend.BackendFailure.Reason;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * Fetches the outputs a backend answers with as URLs: only from the backend's own hosts (and redirects only to them),
 * at most {@code shotcraft.renders.max-output-bytes} (a larger output fails the render, declared or not: the body is
 * counted as it arrives and the connection dropped at the limit), within {@code download-timeout}, and only when the
 * bytes are an image or a video of the type the server declared.
 */
@ApplicationScoped
public class Downloader {

    private static final int MAX_REDIRECTS = 3;

    private final RendersConfig config;
    private final HttpClient client;

    public Downloader(Vertx vertx, RendersConfig config) {
        this.config = config;
        // Eight connections per host, and at most 256 downloads waiting for one (more fail at once, not queue forever).
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.downloadTimeout().toMillis()))
                .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(8).setMaxWaitQueueSize(256));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /** One output, from an http(s) URL on one of {@code hosts} or a {@code data:} URL. */
    public Uni<BackendOutput> fetch(String backend, String url, DownloadHosts hosts) {
        if (url != null && url.startsWith("data:")) {
            return Uni.createFrom().item(() -> decodeDataUrl(backend, url));
        }
        var timeout = config.downloadTimeout();
        return get(backend, url, hosts, 0)
                .ifNoItem().after(timeout).failWith(() -> new BackendFailure(backend, Reason.TIMEOUT,
                        "an output did not download within " + timeout.toSeconds() + " s"));
    }

    /** Checks bytes received some other way (base64 in an answer) as a download's would be. */
    public BackendOutput check(String backend, byte[] bytes, String declared) {
        if (bytes.length > config.maxOutputBytes()) {
            throw tooLarge(backend);
        }
        var sniffed = MediaTypes.sniff(bytes);
        if (sniffed == null) {
            throw new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output is not an image or a video"
                    + (declared == null ? "" : " (declared " + HttpFailures.cut(declared) + ")"));
        }
        if (!MediaTypes.fits(declared, sniffed)) {
            throw new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output declared as " + HttpFailures.cut(declared)
                    + " is " + sniffed);
        }
        var size = MediaTypes.pngSize(bytes);
        return new BackendOutput(bytes, sniffed, size == null ? null : size[0], size == null ? null : size[1]);
    }

    private Uni<BackendOutput> get(String backend, String url, DownloadHosts hosts, int redirects) {
        URI uri;
        try {
            uri = hosts.check(backend, url);
        } catch (BackendFailure refused) {
            return Uni.createFrom().failure(refused);
        }
        var options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setFollowRedirects(false).setIdleTimeout(config.downloadTimeout().toMillis());
        return client.request(options)
                .chain(request -> request.send()
                        .chain(response -> read(backend, uri, request, response, hosts, redirects))
                        .onCancellation().invoke(request::reset))
                .onFailure(failure -> !(failure instanceof BackendFailure))
                .transform(failure -> HttpFailures.classify(backend, failure));
    }

    private Uni<BackendOutput> read(String backend, URI uri, HttpClientRequest request, HttpClientResponse response,
            DownloadHosts hosts, int redirects) {
        int status = response.statusCode();
        if (status >= 300 && status < 400 && response.getHeader("Location") != null) {
            request.reset();
            if (redirects >= MAX_REDIRECTS) {
                return Uni.createFrom().failure(new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output's URL redirects too often"));
            }
            return get(backend, uri.resolve(response.getHeader("Location")).toString(), hosts, redirects + 1);
        }
        if (status != 200) {
            request.reset();
            return Uni.createFrom().failure(new BackendFailure(backend, HttpFailures.reason(status),
                    "an output's download answered HTTP " + status));
        }
        var declaredLength = response.getHeader("Content-Length");
        if (declaredLength != null && parseLong(declaredLength) > config.maxOutputBytes()) {
            request.reset();
            return Uni.createFrom().failure(tooLarge(backend));
        }
        var received = new AtomicLong();
        var declared = response.getHeader("Content-Type");
        return response.toMulti()
                .onItem().invoke(chunk -> {
                    if (received.addAndGet(chunk.length()) > config.maxOutputBytes()) {
                        throw tooLarge(backend);
                    }
                })
                .collect().in(Buffer::buffer, Buffer::appendBuffer)
                .onFailure(BackendFailure.class).invoke(ignored -> request.reset())
                .map(body -> check(backend, body.getBytes(), declared));
    }

    private BackendOutput decodeDataUrl(String backend, String url) {
        int comma = url.indexOf(',');
        var header = comma < 0 ? "" : url.substring(5, comma).toLowerCase(Locale.ROOT);
        if (comma < 0 || !header.endsWith(";base64")) {
            throw new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output's data URL is not base64");
        }
        if ((long) (url.length() - comma - 1) * 3 / 4 > config.maxOutputBytes()) {
            throw tooLarge(backend);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output's data URL is not valid base64");
        }
        return check(backend, bytes, header.substring(0, header.length() - ";base64".length()));
    }

    /** Decodes a base64 output of an answer, refusing one over the size limit before decoding it. */
    public BackendOutput decodeBase64(String backend, String base64) {
        if ((long) base64.length() * 3 / 4 > config.maxOutputBytes()) {
            throw tooLarge(backend);
        }
        try {
            return check(backend, Base64.getMimeDecoder().decode(base64), null);
        } catch (IllegalArgumentException e) {
            throw new BackendFailure(backend, Reason.INVALID_OUTPUT, "an output is not valid base64");
        }
    }

    private BackendFailure tooLarge(String backend) {
        return new BackendFailure(backend, Reason.OUTPUT_TOO_LARGE, "an output is larger than the "
                + config.maxOutputBytes() + " bytes this service accepts");
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
