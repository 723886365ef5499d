package io.shotcraft.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PromptDeltasTest {

    private static List<String> feed(String... pieces) {
        var deltas = new PromptDeltas("prompt");
        List<String> out = new ArrayList<>();
        for (String piece : pieces) {
            out.add(deltas.feed(piece));
        }
        return out;
    }

    @Test
    void theFieldsTextComesOutAsItArrivesAndStopsAtItsEnd() {
        assertThat(feed("{\"applicable\":true,\"changes\":[\"Set subject\"],\"pro", "mpt\": \"The blue", " robot", " bakes.\"}"))
                .containsExactly("", "The blue", " robot", " bakes.");
    }

    @Test
    void escapesSplitAcrossPiecesWaitForTheirEnd() {
        assertThat(feed("{\"prompt\":\"A \\", "\"neon\\", "\" sign\\u00", "e9 and a\\nnew line\"", ",\"x\":\"ignored\"}"))
                .containsExactly("A ", "\"neon", "\" sign", "é and a\nnew line", "");
    }

    @Test
    void nothingComesOutWithoutTheField() {
        assertThat(feed("{\"changes\":[\"prompt is fine\"]", ",\"applicable\":false}")).containsExactly("", "");
    }
}
