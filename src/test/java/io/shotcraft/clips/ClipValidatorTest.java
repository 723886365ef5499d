package io.shotcraft.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;

/** The last check before prompts leave (the design's validator tests). */
class ClipValidatorTest {

    private static final List<String> KEYWORDS = List.of("cyberpunk", "neon", "melancholic", "wide shots", "cinematic");

    private static ClipScript script(int index, double start, double end) {
        return new ClipScript(index, start, end, "x", null, null, List.of(), List.of(), null, "low");
    }

    private static ClipPrompt prompt(int index, String text, double duration, String sceneUrl, List<String> characterUrls,
            List<String> keywords) {
        var metadata = new ClipMetadata(0, keywords, null, List.of(), false, false, null, "text_only", null, "none", null, null,
                List.of());
        return new ClipPrompt(index, text, "text, blurry, Blurry", duration, sceneUrl, characterUrls, metadata);
    }

    @Test
    void validClipsAreMarkedValidatedWithTheSharedKeywordsAndNegativePrompt() {
        var scripts = List.of(script(0, 0, 5.2), script(1, 5.2, 9.8));
        var out = ClipValidator.validate(scripts, List.of(prompt(0, "a b c", 5.2, "https://img.example/s.png", List.of(), KEYWORDS),
                prompt(1, "d e", 4.6, null, List.of("https://img.example/c.png"), List.of("other"))), KEYWORDS, "text, blurry", 200);
        assertThat(out).allSatisfy(clip -> {
            assertThat(clip.metadata().validated()).isTrue();
            assertThat(clip.metadata().styleKeywords()).isEqualTo(KEYWORDS);
            assertThat(clip.negativePrompt()).isEqualTo("blurry, text");
        });
        assertThat(out.get(0).metadata().wordCount()).isEqualTo(3);
        assertThat(out.get(1).characterReferenceUrls()).containsExactly("https://img.example/c.png");
    }

    @Test
    void minorFaultsAreFixed() {
        var scripts = List.of(script(0, 0, 5.0));
        var long_ = "word ".repeat(30).strip() + " https://leak.example/x.png";
        var out = ClipValidator.validate(scripts, List.of(prompt(0, long_, 9.0, "ftp://img.example/s.png",
                List.of("https://img.example/ok.png", "nope"), KEYWORDS)), KEYWORDS, "text", 20).getFirst();
        assertThat(out.duration()).as("recomputed from end - start").isEqualTo(5.0);
        assertThat(out.prompt()).doesNotContain("http");
        assertThat(out.metadata().wordCount()).isEqualTo(20);
        assertThat(out.sceneReferenceUrl()).isNull();
        assertThat(out.characterReferenceUrls()).containsExactly("https://img.example/ok.png");
        assertThat(out.metadata().warnings()).hasSize(2);
        assertThat(out.metadata().validated()).isTrue();
    }

    @Test
    void aDurationWithinAQuarterSecondIsKept() {
        var out = ClipValidator.validate(List.of(script(0, 0, 5.0)), List.of(prompt(0, "a", 5.2, null, List.of(), KEYWORDS)),
                KEYWORDS, "text", 200);
        assertThat(out.getFirst().duration()).isEqualTo(5.2);
    }

    @Test
    void aMissingClipFailsTheGeneration() {
        assertThatThrownBy(() -> ClipValidator.validate(List.of(script(0, 0, 1), script(1, 1, 2)),
                List.of(prompt(0, "a", 1, null, List.of(), KEYWORDS)), KEYWORDS, "text", 200))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().type()).isEqualTo(ProblemType.GENERATION_FAILED.uri());
                    assertThat(e.problem().status()).isEqualTo(500);
                    assertThat(e.problem().detail()).contains("1 prompts for 2 clip scripts");
                });
    }

    @Test
    void clipsOutOfOrderOrEmptyFailTheGeneration() {
        var scripts = List.of(script(0, 0, 1), script(1, 1, 2));
        assertThatThrownBy(() -> ClipValidator.validate(scripts, List.of(prompt(1, "a", 1, null, List.of(), KEYWORDS),
                prompt(0, "b", 1, null, List.of(), KEYWORDS)), KEYWORDS, "text", 200))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.GENERATION_FAILED.uri()));
        assertThatThrownBy(() -> ClipValidator.validate(List.of(script(0, 0, 1)), List.of(prompt(0, " ", 1, null, List.of(), KEYWORDS)),
                KEYWORDS, "text", 200)).isInstanceOf(ProblemException.class).hasMessageContaining("empty prompt");
    }
}
