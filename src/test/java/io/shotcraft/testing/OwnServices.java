package io.shotcraft.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL cluster and a Redis server of the test's own, on free ports, that a test may stop and start
 * again without touching the shared ones.
 */
public class OwnServices implements QuarkusTestResourceLifecycleManager {

    private static Path root;
    private static int redisPort;
    private static int postgresPort;
    private static Process redis;
    private static Path pgBin;
    private static Path pgData;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("shotcraft-own-services");
            root.toFile().setWritable(true, false);
            root.toFile().setExecutable(true, false);
            redisPort = freePort();
            postgresPort = freePort();
            startRedis();
            initPostgres();
            startPostgres();
            run(psql("CREATE ROLE shotcraft LOGIN PASSWORD 'shotcraft'"));
            run(psql("CREATE DATABASE shotcraft OWNER shotcraft"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redisPort,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + postgresPort + "/shotcraft",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/shotcraft");
    }

    @Override
    public void stop() {
        stopRedis();
        stopPostgres();
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    public static synchronized void startRedis() {
        if (redis != null && redis.isAlive()) {
            return;
        }
        try {
            redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", root.toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is not installed: run deployment/local/services.sh up", e);
        }
        waitFor(() -> run(List.of("redis-cli", "-p", String.valueOf(redisPort), "ping")) == 0, "Redis");
    }

    public static synchronized void stopRedis() {
        if (redis != null) {
            redis.destroy();
            try {
                redis.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redis = null;
        }
    }

    public static synchronized void startPostgres() {
        if (Files.exists(pgData.resolve("postmaster.pid"))) {
            return;
        }
        run(asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-l", root.resolve("pg.log").toString(),
                "-o", "-p " + postgresPort + " -k " + root + " -c listen_addresses=127.0.0.1", "-w", "start"));
    }

    public static synchronized void stopPostgres() {
        if (pgData != null && Files.exists(pgData.resolve("postmaster.pid"))) {
            run(asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-m", "immediate", "-w", "stop"));
        }
    }

    private static void initPostgres() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            pgBin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries are missing: run deployment/local/services.sh up"));
        }
        pgData = root.resolve("pg");
        if (run(asPostgres(pgBin.resolve("initdb").toString(), "-D", pgData.toString(), "-A", "trust", "-U", "postgres")) != 0) {
            throw new IllegalStateException("initdb failed");
        }
    }

    private static List<String> psql(String sql) {
        return asPostgres(pgBin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(postgresPort), "-U", "postgres",
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    /** initdb and the server refuse to run as root; as root, run them as the postgres user. */
    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static int run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("commands.log").toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ready, String what) {
        org.awaitility.Awaitility.await(what + " to start").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50)).until(ready::getAsBoolean);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
