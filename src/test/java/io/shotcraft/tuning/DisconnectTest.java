package io.shotcraft.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.LogCapture;

/**
 * Clients that hang up while their request is in the database: the writes they started finish whole, and the
 * service logs no error about it. PostgreSQL holds the requests at a table lock until every client has gone.
 */
@QuarkusTest
class DisconnectTest {

    static final int CLIENTS = 6;

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    MeterRegistry registry;

    @Test
    void sessionsStartedByClientsThatLeftAreStoredWholeAndNothingIsLogged() throws Exception {
        String marker = "disconnect-" + UUID.randomUUID();
        List<String> errors;
        double connectionsBefore = activeConnections();
        try (var log = LogCapture.from(Level.WARNING); Connection db = jdbc()) {
            db.setAutoCommit(false);
            db.createStatement().execute("LOCK TABLE tuning_session IN SHARE ROW EXCLUSIVE MODE");
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(send("{\"prompt\": \"A red robot in a kitchen, " + marker + " " + i
                        + "\", \"options\": {\"engine\": \"offline\"}}"));
            }
            awaitInsertsWaitingOnLock(db, CLIENTS);
            for (Socket client : clients) {
                client.close();
            }
            // The server has seen the sockets close (and cancelled their requests) when its connection gauge drops.
            await().atMost(Duration.ofSeconds(10)).until(() -> activeConnections() <= connectionsBefore);
            db.commit();
            errors = log.lines();
        }

        try (Connection db = jdbc()) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            long stored;
            do {
                stored = count(db, "select count(*) from tuning_revision r join tuning_session s on s.id = r.session_id "
                        + "where r.number = 1 and s.revision = 1 and r.prompt like '%" + marker + "%'");
            } while (stored < CLIENTS && System.nanoTime() < deadline);
            assertThat(stored).as("sessions whose clients left, each with its first revision").isEqualTo(CLIENTS);
        }
        assertThat(errors).filteredOn(e -> e.contains("HR0") || e.contains("session") || e.contains("drop"))
                .as("warnings and errors logged").isEmpty();
    }

    private double activeConnections() {
        var gauge = registry.find("http.server.active.connections").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private Socket send(String json) throws Exception {
        var socket = new Socket(base.getHost(), base.getPort());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private static void awaitInsertsWaitingOnLock(Connection db, int expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count(db, "select count(*) from pg_locks where relation = 'tuning_session'::regclass and not granted") < expected) {
            assertThat(System.nanoTime()).as("inserts waiting on the lock").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection jdbc() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
