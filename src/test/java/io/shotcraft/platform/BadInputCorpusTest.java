package io.shotcraft.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A corpus of malformed requests over every endpoint (src/test/resources/corpus/bad-input.jsonl, one JSON object a
 * line: method, path, headers, body or body_hex, chunked, expect_status). Each answer is below 500, every 4xx is
 * problem+json naming no Java type, and nothing a refused request carried was stored. {@code {session}},
 * {@code {job}} and {@code {study}} in a path stand for a session, a job and a learning study made for the test, {@code {marker}} for a text unique to the
 * request (counted in the tables afterwards), {@code {x*N}} for N times x.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("\\{(.)\\*(\\d+)}");
    private static final List<String> JAVA_NAMES = List.of("java.", "javax.", "jakarta.", "io.shotcraft.", "com.fasterxml",
            "io.vertx", "io.quarkus", "Exception");

    private static String session;
    private static String job;
    private static String study;

    @TestHTTPResource("/")
    URL base;

    record Case(int line, JsonNode entry) {
        @Override
        public String toString() {
            return line + ": " + entry.path("method").asText() + " " + abbreviate(entry.path("path").asText()) + " — "
                    + entry.path("note").asText("");
        }
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/corpus/bad-input.jsonl")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    cases.add(new Case(i + 1, JSON.readTree(lines[i])));
                }
            }
        }
        return cases.stream();
    }

    @BeforeEach
    void fixtures() {
        if (session == null) {
            session = given().contentType(ContentType.JSON)
                    .body(Map.of("prompt", "A teal robot cooking in a kitchen", "options", Map.of("engine", "offline")))
                    .when().post("/api/v1/sessions").then().statusCode(201).extract().path("id");
            job = given().contentType(ContentType.JSON).body(Map.of("kind", "test.steps", "input", Map.of("steps", 1)))
                    .when().post("/api/v1/jobs").then().statusCode(202).extract().path("id");
            study = given().contentType(ContentType.JSON).body(Map.of("name", "corpus"))
                    .when().post("/api/v1/learning/studies").then().statusCode(201).extract().path("id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersWithAProblemAndStoresNothing(Case c) throws Exception {
        var entry = c.entry();
        var marker = "corpus-" + UUID.randomUUID();
        var path = entry.path("path").asText().replace("{session}", session).replace("{job}", job)
                .replace("{study}", study);
        byte[] body = null;
        if (entry.hasNonNull("body_hex")) {
            body = HexFormat.of().parseHex(entry.get("body_hex").asText());
        } else if (entry.hasNonNull("body")) {
            body = expand(entry.get("body").asText().replace("{marker}", marker)).getBytes(StandardCharsets.UTF_8);
        }
        var head = new StringBuilder(entry.path("method").asText()).append(' ').append(path).append(" HTTP/1.1");
        var headers = entry.get("headers");
        boolean declaredLength = false;
        if (headers != null) {
            for (var it = headers.fields(); it.hasNext();) {
                var h = it.next();
                head.append("\r\n").append(h.getKey()).append(": ").append(h.getValue().asText());
                declaredLength |= h.getKey().equalsIgnoreCase("Content-Length");
            }
        } else if (body != null) {
            head.append("\r\nContent-Type: application/json");
        }
        boolean chunked = entry.path("chunked").asBoolean();
        if (chunked) {
            head.append("\r\nTransfer-Encoding: chunked");
            body = chunk(body);
        } else if (body != null && !declaredLength) {
            head.append("\r\nContent-Length: ").append(body.length);
        }

        var response = RawHttp.exchange(base, head.toString(), body);

        assertThat(response.status()).as("status of %s; body %s", c, response.body()).isLessThan(500);
        if (entry.has("expect_status")) {
            assertThat(response.status()).as("status of %s; body %s", c, response.body())
                    .isEqualTo(entry.get("expect_status").asInt());
        }
        boolean bareDecoderAnswer = entry.path("allow_bare").asBoolean();
        if (response.status() >= 400 && !bareDecoderAnswer) {
            assertThat(response.header("Content-Type")).as("content type of %s: %s %s", c, response.status(), response.body()).startsWith(Problem.MEDIA_TYPE);
            var problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as("problem status of %s", c).isEqualTo(response.status());
            assertThat(problem.path("type").asText()).startsWith(ProblemType.BASE);
        }
        for (var name : JAVA_NAMES) {
            assertThat(response.body()).as("body of %s", c).doesNotContain(name);
        }
        if (response.status() >= 400) {
            assertThat(storedWith(marker)).as("rows stored by refused %s", c).isZero();
        }
    }

    private static String expand(String body) {
        Matcher m = REPEAT.matcher(body);
        var sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static byte[] chunk(byte[] body) {
        var out = new java.io.ByteArrayOutputStream();
        int size = 8192;
        for (int i = 0; body != null && i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Rows of the tables a request can write that hold the request's marker. */
    static long storedWith(String marker) throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                var st = db.prepareStatement("select (select count(*) from tuning_session t where t::text like ?)"
                        + " + (select count(*) from tuning_revision t where t::text like ?)"
                        + " + (select count(*) from job t where t::text like ?)"
                        + " + (select count(*) from render t where t::text like ?)"
                        + " + (select count(*) from learning_study t where t::text like ?)"
                        + " + (select count(*) from learning_version t where t::text like ?)"
                        + " + (select count(*) from learning_experiment t where t::text like ?)"
                        + " + (select count(*) from learning_option t where t::text like ?)")) {
            var like = "%" + marker + "%";
            for (int i = 1; i <= 8; i++) {
                st.setString(i, like);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String abbreviate(String s) {
        return (s.length() > 60 ? s.substring(0, 60) + "…" : s).toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))
                ? (s.length() > 60 ? s.substring(0, 60) + "…" : s) : s;
    }
}
