package io.shotcraft.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The defects of issue 12's error contract, one test each: status, type and the field the problem names. */
@QuarkusTest
class ErrorContractTest {

    @TestHTTPResource("/")
    URL base;

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body(not(containsString("java."))).body(not(containsString("io.shotcraft")))
                .body(not(containsString("Exception")));
    }

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedNamingTheField() {
        problem(post("/api/v1/sessions", "{\"prompt\": \"a robot \\u0000\"}"), 400)
                .body("type", equalTo(ProblemType.BASE + "validation"))
                .body("errors[0].field", equalTo("prompt"))
                .body("errors[0].message", containsString("NUL"));
        problem(post("/api/v1/enhance", "{\"prompt\": \"a fox \\ud800\"}"), 400)
                .body("errors[0].field", equalTo("prompt"))
                .body("errors[0].message", containsString("surrogate"));
        problem(post("/api/v1/jobs", "{\"kind\": \"test.steps\", \"input\": {\"steps\": 1, \"note\": [\"\\u0000\"]}}"), 400)
                .body("errors[0].field", equalTo("input.note[0]"));
    }

    @Test
    void scalarsAreNotCoercedAndErrorsSpeakJson() {
        for (var value : new String[] { "123", "true", "1.5" }) {
            problem(post("/api/v1/sessions", "{\"prompt\": " + value + "}"), 400)
                    .body("errors[0].field", equalTo("prompt"))
                    .body("errors[0].message", equalTo("must be a string"));
        }
        problem(post("/api/v1/enhance", "{\"prompt\": \"a fox\", \"mode\": \"x2v\"}"), 400)
                .body("errors[0].field", equalTo("mode"))
                .body("errors[0].message", equalTo("must be one of [t2v, i2v]"));
        problem(post("/api/v1/enhance", "{\"prompt\": \"a fox\", \"options\": {\"engine\": 5}}"), 400)
                .body("errors[0].field", equalTo("options.engine"));
        problem(post("/api/v1/enhance", "{\"prompt\": \"a fox\", \"seed\": \"42\"}"), 400)
                .body("errors[0].field", equalTo("seed"));
        problem(post("/api/v1/enhance", "[{\"prompt\": \"a fox\"}]"), 400)
                .body("detail", containsString("must be an object"));
        // What strict typing must keep: enums, integers, nested records.
        post("/api/v1/enhance", "{\"prompt\": \"a fox\", \"mode\": \"t2v\", \"seed\": 7, \"max_words\": 50,"
                + " \"options\": {\"engine\": \"offline\", \"max_cost_usd\": 0.01}}").statusCode(200);
    }

    @Test
    void bodiesNeedAJsonContentType() {
        var noType = RawHttp.exchangeQuietly(base, "POST /api/v1/sessions HTTP/1.1\r\nContent-Length: 16", "{\"prompt\": \"x\"}\n");
        assertThat(noType.status()).isEqualTo(415);
        assertThat(noType.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        var malformed = RawHttp.exchangeQuietly(base, "POST /api/v1/sessions HTTP/1.1\r\nContent-Type: }}{{\r\nContent-Length: 16",
                "{\"prompt\": \"x\"}\n");
        assertThat(malformed.status()).isEqualTo(415);
        assertThat(malformed.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void queryParametersAndHeadersAreNamed() {
        for (var limit : new String[] { "abc", "1e3", "99999999999999", "0" }) {
            problem(given().queryParam("limit", limit).when().get("/api/v1/sessions").then(), 400)
                    .body("errors[0].field", equalTo("limit"));
        }
        var job = given().contentType(ContentType.JSON).body(Map.of("kind", "test.steps", "input", Map.of("steps", 1)))
                .when().post("/api/v1/jobs").then().statusCode(202).extract().<String> path("id");
        problem(given().header("Last-Event-ID", "18446744073709551616-0").when().get("/api/v1/jobs/" + job + "/events").then(), 400)
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void tooLargeAnswersAreProblems() {
        var longUri = RawHttp.exchangeQuietly(base, "GET /api/v1/sessions?x=" + "a".repeat(5000) + " HTTP/1.1", null);
        assertThat(longUri.status()).isEqualTo(414);
        assertThat(longUri.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        var bigHeaders = RawHttp.exchangeQuietly(base, "GET /api/v1/sessions HTTP/1.1\r\nX-Big: " + "b".repeat(21_000), null);
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void eventStreamsAreNotCachedOrBuffered() throws Exception {
        var job = given().contentType(ContentType.JSON).body(Map.of("kind", "test.steps", "input", Map.of("steps", 1)))
                .when().post("/api/v1/jobs").then().statusCode(202).extract().<String> path("id");
        var response = RawHttp.exchange(base, "GET /api/v1/jobs/" + job + "/events HTTP/1.1\r\nAccept: text/event-stream", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("X-Accel-Buffering")).isEqualTo("no");
    }

    @Test
    void aBodyThatNeverCompletesLosesItsConnection() throws Exception {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"prompt\":").getBytes(StandardCharsets.UTF_8));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            var answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer).startsWith("HTTP/1.1 408").contains(Problem.MEDIA_TYPE);
            // %test.shotcraft.http.body-timeout is 2 s
            assertThat(waited).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void logTextHasItsControlCharactersEscaped() {
        assertThat(StorableText.forLog("a fox\nINFO forged line\r\u0007")).isEqualTo("a fox\\nINFO forged line\\r\\u0007");
        assertThat(StorableText.forLog("x".repeat(600))).hasSize(501);
        assertThat(StorableText.problem("fine 🦊")).isNull();
        assertThat(StorableText.problem("bad \ud83e")).contains("surrogate");
    }
}
