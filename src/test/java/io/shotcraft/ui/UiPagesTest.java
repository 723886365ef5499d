package io.shotcraft.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UiPagesTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/clips", "/targets", "/train", "/jobs/6f1c0d3e-9a8b-4c7d-8e6f-5a4b3c2d1e0f", "/jobs/not-a-uuid" })
    void everyPageRendersWithTheNavigation(String path) {
        given().accept("text/html")
                .when().get(path)
                .then().statusCode(200)
                .contentType("text/html")
                .body(containsString("<title>"))
                .body(containsString("class=\"brand\" href=\"/\""))
                .body(containsString("Shotcraft"))
                .body(containsString("href=\"/\""))
                .body(containsString("href=\"/clips\""))
                .body(containsString("href=\"/targets\""))
                .body(containsString("href=\"/train\""))
                .body(containsString("href=\"/q/swagger-ui\""))
                .body(containsString("href=\"/static/app.css\""));
    }

    @Test
    void theCurrentPageIsMarkedInTheNavigation() {
        given().when().get("/targets")
                .then().statusCode(200)
                .body(containsString("<a href=\"/targets\" aria-current=\"page\">Targets</a>"))
                .body(containsString("<a href=\"/clips\">Clips</a>"))
                .body(containsString("coming soon"));
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<a href=\"/\" aria-current=\"page\">Studio</a>"))
                .body(containsString("Tuning sessions"))
                .body(containsString("Enhance"));
    }

    @Test
    void theJobPageCarriesTheIdForItsScriptEvenWhenNoSuchJobExists() {
        var id = UUID.randomUUID().toString();
        given().when().get("/jobs/" + id)
                .then().statusCode(200)
                .body(containsString("data-job-id=\"" + id + "\""))
                .body(containsString("<script type=\"module\" src=\"/static/job.js\"></script>"))
                .body(containsString("id=\"job-status\""))
                .body(containsString("id=\"event-log\""));
    }

    @Test
    void theJobIdIsEscapedInThePage() {
        given().urlEncodingEnabled(false)
                .when().get("/jobs/%22%3E%3Cb%3Ebold")
                .then().statusCode(200)
                .body(not(containsString("<b>bold")))
                .body(containsString("data-job-id=\"&quot;&gt;&lt;b&gt;bold\""));
    }

    @Test
    void theStylesheetAndTheScriptAreServed() {
        given().when().get("/static/app.css")
                .then().statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("prefers-color-scheme: dark"));
        given().when().get("/static/job.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("new EventSource("));
    }

    @Test
    void pagesStayOutOfTheApiDescription() {
        var paths = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths").keySet();
        assertThat(paths).contains("/api/v1/jobs/{id}")
                .doesNotContain("/", "/clips", "/targets", "/train", "/jobs/{id}");
    }
}
