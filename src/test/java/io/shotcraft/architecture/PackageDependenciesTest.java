package io.shotcraft.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/architecture.md}, read from the sources' imports: the shared layers ({@code ai},
 * {@code jobs}, {@code platform}) import no feature; features depend on each other without cycles; enhance imports
 * nothing of tuning, tuning uses enhance only through its service, learning renders through the render service, and
 * its optimiser and reward model are plain Java that borrow only {@code Mentions}. Run alone with {@code ./mvnw test -Dtest=PackageDependenciesTest}.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/shotcraft");
    private static final Set<String> LAYERS = Set.of("ai", "jobs", "platform");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.shotcraft\\.([a-z]+)((?:\\.[a-z]+)*)\\.([A-Z]\\w*)",
            Pattern.MULTILINE);

    /** Top-level package → the top-level packages it imports, with the imported classes. */
    private static final Map<String, Map<String, Set<String>>> IMPORTS = new TreeMap<>();

    @BeforeAll
    static void readImports() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var from = SOURCES.relativize(file).getName(0).toString();
                var matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    var to = matcher.group(1);
                    if (!to.equals(from)) {
                        IMPORTS.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>())
                                .add(to + matcher.group(2) + "." + matcher.group(3));
                    }
                }
            }
        }
    }

    @Test
    void theSharedLayersImportNoFeature() {
        for (var layer : LAYERS) {
            var imported = IMPORTS.getOrDefault(layer, Map.of()).keySet();
            assertThat(imported).as("%s imports", layer).isSubsetOf(LAYERS);
        }
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        List<String> cycles = new ArrayList<>();
        for (var start : IMPORTS.keySet()) {
            findCycles(start, start, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void enhanceAndTuningKeepOutOfEachOthersInternals() {
        assertThat(IMPORTS.getOrDefault("enhance", Map.of())).doesNotContainKey("tuning");
        assertThat(IMPORTS.getOrDefault("tuning", Map.of()).getOrDefault("enhance", Set.of()))
                .isSubsetOf("enhance.EnhanceService", "enhance.EnhanceRequest");
    }

    @Test
    void targetsUseTuningOnlyThroughItsServiceAndTheRulesStayPlain() {
        assertThat(IMPORTS.getOrDefault("targets", Map.of()).getOrDefault("tuning", Set.of()))
                .isSubsetOf("tuning.TuningService", "tuning.RevisionSource");
        assertThat(IMPORTS.getOrDefault("targets", Map.of()).keySet()).doesNotContain("clips", "enhance");
    }

    @Test
    void rendersUseTheLayersAndOnlyTheSharedVocabularyOfTheFeatures() {
        var imported = IMPORTS.getOrDefault("renders", Map.of());
        assertThat(imported.keySet()).isSubsetOf("jobs", "platform", "parameters");
        assertThat(imported.getOrDefault("parameters", Set.of())).isSubsetOf("parameters.Mentions", "parameters.Vocabulary");
        // Learning renders its trials' options through the service and its records; nothing else reaches into renders.
        assertThat(IMPORTS.keySet().stream().filter(from -> IMPORTS.get(from).containsKey("renders"))).containsOnly("learning");
        assertThat(IMPORTS.get("learning").get("renders")).isSubsetOf("renders.RenderService", "renders.RenderRequest",
                "renders.RenderParameters", "renders.RenderResult", "renders.RenderOutput");
    }

    @Test
    void learningsMathStaysPlainJavaAndUsesOnlyTheSharedTextUtility() throws IOException {
        var imported = new TreeSet<String>();
        for (var folder : List.of("learning/optimize", "learning/reward")) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    var matcher = IMPORT.matcher(Files.readString(file));
                    while (matcher.find()) {
                        imported.add(matcher.group(1) + matcher.group(2) + "." + matcher.group(3));
                    }
                }
            }
        }
        assertThat(imported).allSatisfy(name -> assertThat(name).matches("learning\\.(optimize|reward)\\.\\w+|parameters\\.Mentions"));
        assertThat(IMPORTS.get("learning").keySet()).isSubsetOf("ai", "jobs", "platform", "parameters", "renders");
    }

    @Test
    void theRulesSeeTheWholeTree() {
        assertThat(IMPORTS.keySet()).contains("ai", "clips", "enhance", "jobs", "learning", "parameters", "renders", "targets",
                "tuning");
        assertThat(IMPORTS.get("tuning")).containsKeys("ai", "parameters", "enhance");
    }

    private static void findCycles(String start, String at, List<String> path, Set<String> seen, List<String> cycles) {
        for (var next : IMPORTS.getOrDefault(at, Map.of()).keySet()) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycles(start, next, path, seen, cycles);
                path.removeLast();
            }
        }
    }
}
