package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile, long answers: every rule set reads and adapts them in linear time, without a regex blow-up. */
class LongInputTest {

    private static final int SIZE = 100_000;

    static Stream<Arguments> cases() {
        List<String> inputs = List.of(
                "(".repeat(SIZE),
                "(a:".repeat(SIZE / 3),
                "--a ".repeat(SIZE / 4),
                ":: 1".repeat(SIZE / 4),
                "1 seconds ".repeat(SIZE / 10),
                "{\"camera\": \"".repeat(SIZE / 12),
                "1280x720 16:9 sora 2 ".repeat(SIZE / 20),
                "word, ".repeat(SIZE / 6),
                "x".repeat(SIZE));
        return Rulebook.names().stream().sorted().flatMap(name -> inputs.stream().map(input -> Arguments.of(name,
                input)));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("cases")
    void longAnswersAreHandledQuickly(String name, String input) {
        var rules = Rulebook.rules(name, new ModelLimits(2000, 225), StandInTokens::count);
        assertTimeout(Duration.ofSeconds(3), () -> {
            assertThat(rules.violations(TargetPrompt.of(input))).isNotEmpty();
            assertThat(rules.adapt(TargetPrompt.of(input), TargetOptions.none())).isNotNull();
        });
    }
}
