package io.shotcraft.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/**
 * One instance of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a process of its own, on the
 * shared PostgreSQL and Redis, so that tests can run several, kill one ({@code SIGKILL}) or stop it ({@code SIGTERM}).
 * Its log goes to {@code target/instances/<name>.log}.
 */
public final class Instance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> settings;
    private Process process;

    private Instance(String name, int port, Map<String, String> settings) {
        this.name = name;
        this.port = port;
        this.settings = settings;
    }

    /** Starts an instance with these settings (as system properties) and waits until it is ready. */
    public static Instance start(String name, Map<String, String> settings) {
        var instance = new Instance(name, freePort(), settings);
        instance.start();
        return instance;
    }

    /** Starts this instance again, on the same port, after it was killed or stopped. */
    public void start() {
        var jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests run after `package` (./mvnw verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx128m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path log = Path.of("target", "instances", name + ".log");
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Instance " + name + " could not start", e);
        }
        Awaitility.await("instance " + name + " ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Instance " + name + " exited at start: see target/instances/" + name + ".log");
                    }
                    return status("/q/health/ready") == 200;
                });
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: the process ends at once, with no chance to hand anything back. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** {@code SIGTERM}: the process drains and stops; returns at once (see {@link #waitForExit()}). */
    public void terminate() {
        process.destroy();
    }

    public void waitForExit() {
        Awaitility.await("instance " + name + " exited").atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    }

    /** The status of a GET, or -1 when the instance does not answer. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum of a Prometheus metric's samples on this instance (all tag values), 0 when absent. */
    public double metric(String metric) {
        try {
            var body = HTTP.send(HttpRequest.newBuilder(uri("/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
