package io.shotcraft.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UiPagesTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/studio", "/enhance", "/clips", "/targets", "/train", "/jobs/6f1c0d3e-9a8b-4c7d-8e6f-5a4b3c2d1e0f", "/jobs/not-a-uuid" })
    void everyPageRendersWithTheNavigation(String path) {
        given().accept("text/html")
                .when().get(path)
                .then().statusCode(200)
                .contentType("text/html")
                .body(containsString("<title>"))
                .body(containsString("class=\"brand\" href=\"/\""))
                .body(containsString("Shotcraft"))
                .body(containsString("href=\"/\""))
                .body(containsString("href=\"/enhance\""))
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
                .body(not(containsString("coming soon")));
        given().when().get("/train")
                .then().statusCode(200)
                .body(containsString("<a href=\"/train\" aria-current=\"page\">Train</a>"))
                .body(not(containsString("coming soon")));
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<a href=\"/\" aria-current=\"page\">Studio</a>"))
                .body(containsString("id=\"studio-form\""));
        given().when().get("/enhance")
                .then().statusCode(200)
                .body(containsString("<a href=\"/enhance\" aria-current=\"page\">Enhance</a>"))
                .body(containsString("<a href=\"/\">Studio</a>"));
    }

    @Test
    void theNavigationListsEnhanceBetweenStudioAndClips() {
        var page = given().when().get("/clips").then().statusCode(200).extract().asString();
        var studio = page.indexOf(">Studio</a>");
        var enhance = page.indexOf("<a href=\"/enhance\">Enhance</a>");
        var clips = page.indexOf(">Clips</a>");
        assertThat(studio).isPositive();
        assertThat(enhance).isGreaterThan(studio).isLessThan(clips);
    }

    @Test
    void theStudioIntroLinksToTheEnhancePage() {
        var page = given().when().get("/").then().statusCode(200).extract().asString();
        var intro = page.substring(page.indexOf("<section class=\"hero"), page.indexOf("</section>"));
        assertThat(intro).contains("href=\"/enhance\"").doesNotContain("coming soon");
    }

    @Test
    void theStudioCarriesItsHooksAndItsScript() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"/static/studio.js\"></script>"))
                .body(containsString("id=\"studio-prompt\" name=\"prompt\" rows=\"4\" maxlength=\"4000\" required"))
                .body(containsString("<option value=\"offline\">Offline</option>"))
                .body(containsString("id=\"studio-engine\""))
                .body(containsString("id=\"studio-enhance\" name=\"enhance\" type=\"checkbox\""))
                .body(containsString("id=\"studio-start\""))
                .body(containsString("id=\"studio-error\" class=\"alert\" role=\"alert\" hidden"))
                .body(containsString("id=\"session\""))
                .body(containsString("id=\"session-prompt\""))
                .body(containsString("id=\"session-revision\""))
                .body(containsString("id=\"streaming-prompt\""))
                .body(containsString("id=\"copy-prompt\""))
                .body(containsString("<table id=\"parameters\""))
                .body(containsString("id=\"param-new-name\" form=\"param-add-form\""))
                .body(containsString("id=\"edit-request\""))
                .body(containsString("id=\"edit-send\""))
                .body(containsString("id=\"edit-stage\""))
                .body(containsString("id=\"prompt-diff\""))
                .body(containsString("<ol id=\"history\""))
                .body(containsString("<ul id=\"suggestions\""));
    }

    @Test
    void slashStudioSendsTheBrowserToTheStudioKeepingTheSession() {
        given().redirects().follow(false)
                .when().get("/studio?session=6f1c0d3e-9a8b-4c7d-8e6f-5a4b3c2d1e0f")
                .then().statusCode(303)
                .header("Location", endsWith("/?session=6f1c0d3e-9a8b-4c7d-8e6f-5a4b3c2d1e0f"));
        given().redirects().follow(false)
                .when().get("/studio")
                .then().statusCode(303)
                .header("Location", endsWith("/"));
    }

    @Test
    void theEnhancePageCarriesItsFormAndItsScript() {
        given().when().get("/enhance")
                .then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"/static/enhance.js\"></script>"))
                .body(containsString("id=\"enhance-form\""))
                .body(containsString("id=\"prompt\" name=\"prompt\" rows=\"4\" maxlength=\"2000\" required"))
                .body(containsString("id=\"mode\""))
                .body(containsString("id=\"image-url\""))
                .body(containsString("id=\"image-caption\""))
                .body(containsString("id=\"seed\""))
                .body(containsString("id=\"max-words\" name=\"max_words\" type=\"number\" min=\"10\" max=\"400\""))
                .body(containsString("id=\"engine\""))
                .body(containsString("id=\"force\""))
                .body(containsString("id=\"enhance-submit\""))
                .body(containsString("id=\"enhance-error\""))
                .body(containsString("id=\"result-original\""))
                .body(containsString("id=\"result-enhanced\""))
                .body(containsString("id=\"result-engine\""))
                .body(containsString("id=\"result-model\""))
                .body(containsString("id=\"result-cached\""))
                .body(containsString("id=\"result-fallback\""));
    }

    @Test
    void theTargetsPageCarriesItsFormAndItsScript() {
        given().when().get("/targets")
                .then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"/static/targets.js\"></script>"))
                .body(containsString("id=\"targets-form\""))
                .body(containsString("<option value=\"image_generation\" selected>"))
                .body(containsString("<option value=\"video_generation\">"))
                .body(containsString("<ol id=\"groups\""))
                .body(containsString("id=\"selection\""))
                .body(containsString("id=\"session\""))
                .body(containsString("id=\"prompt\" name=\"prompt\" rows=\"4\" maxlength=\"4000\""))
                .body(containsString("<option value=\"offline\">Offline</option>"))
                .body(containsString("id=\"aspect-ratio\""))
                .body(containsString("id=\"seed\""))
                .body(containsString("id=\"duration\""))
                .body(containsString("id=\"targets-submit\""))
                .body(containsString("id=\"targets-error\" class=\"alert\" role=\"alert\" hidden"))
                .body(containsString("id=\"token-saving\""))
                .body(containsString("id=\"target-cards\""));
    }

    @Test
    void theTrainPageCarriesItsHooksAndItsScript() {
        given().when().get("/train")
                .then().statusCode(200)
                .body(containsString("<title>Train · Shotcraft</title>"))
                .body(containsString("<script type=\"module\" src=\"/static/train.js\"></script>"))
                .body(containsString("<select id=\"study\" name=\"study\">"))
                .body(containsString("id=\"study-new\""))
                .body(containsString("<form id=\"study-create\""))
                .body(containsString("id=\"train-error\" class=\"alert\" role=\"alert\" hidden"))
                .body(containsString("id=\"trial-prompt\" name=\"prompt\" rows=\"3\" maxlength=\"2000\""))
                .body(containsString("id=\"trial-image\" name=\"image\" type=\"file\" accept=\"image/png,image/jpeg,image/webp\""))
                .body(containsString("id=\"trial-start\""))
                .body(containsString("id=\"status-samples\""))
                .body(containsString("id=\"status-best\""))
                .body(containsString("id=\"status-phase1\""))
                .body(containsString("id=\"status-phase2\""))
                .body(containsString("id=\"option-A-stars\" class=\"stars\" role=\"radiogroup\""))
                .body(containsString("id=\"option-B-stars\" class=\"stars\" role=\"radiogroup\""))
                .body(containsString("id=\"option-A-comments\""))
                .body(containsString("id=\"rate-submit\" class=\"button\" type=\"button\" disabled"))
                .body(containsString("id=\"history-chart\""))
                .body(containsString("<ul id=\"lineage\""));
    }

    @Test
    void theStudioAndTheClipsPageLinkToTheTargetsPage() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("id=\"tailor-link\""))
                .body(containsString(">Tailor to models</a>"));
        given().when().get("/clips")
                .then().statusCode(200)
                .body(containsString("id=\"tailor-link\""))
                .body(containsString(">Tailor to models</a>"));
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
        given().when().get("/static/enhance.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("/api/v1/enhance"));
        given().when().get("/static/targets.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("/api/v1/jobs/targets"))
                .body(containsString("/api/v1/targets/groups"))
                .body(containsString("followEvents("));
        given().when().get("/static/events.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("new EventSource("));
        given().when().get("/static/train.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("/api/v1/learning/studies"))
                .body(containsString("followEvents("));
        given().when().get("/static/studio.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("/api/v1/sessions"))
                .body(containsString("new EventSource("));
    }

    @Test
    void pagesStayOutOfTheApiDescription() {
        var paths = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().jsonPath().getMap("paths").keySet();
        assertThat(paths).contains("/api/v1/jobs/{id}", "/api/v1/enhance", "/api/v1/sessions")
                .doesNotContain("/", "/studio", "/enhance", "/clips", "/targets", "/train", "/jobs/{id}");
    }
}
