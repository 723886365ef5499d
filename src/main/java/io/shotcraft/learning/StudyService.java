package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shotcraft.ai.Prompts;
import io.shotcraft.learning.optimize.Dimension;
import io.shotcraft.learning.optimize.ParameterSpace;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.renders.RenderService;
import io.smallrye.mutiny.Uni;

/**
 * Studies and their prompt versions: creating a study (its space checked, its first version stored and labelled
 * current), reading, stopping Phase 1 by hand, importing and exporting versions in the design's file format, moving
 * labels, and the lineage as a tree. Absence is a null item; the resource turns it into 404.
 */
@ApplicationScoped
public class StudyService {

    static final String CURRENT = "current";
    static final String CANDIDATE = "candidate";
    static final Set<String> LABELS = Set.of(CURRENT, CANDIDATE);
    static final String FIRST_VERSION = "prompts/learning/v1.0.0.json";

    private final LearningRepository repository;
    private final RenderService renders;
    private final LearningConfig config;
    private final Prompts prompts;
    private final ObjectMapper json;

    public StudyService(LearningRepository repository, RenderService renders, LearningConfig config, Prompts prompts,
            ObjectMapper json) {
        this.repository = repository;
        this.renders = renders;
        this.config = config;
        this.prompts = prompts;
        this.json = json;
    }

    public Uni<StudyView> create(StudyRequest request) {
        var now = now();
        var errors = new ArrayList<Problem.FieldError>();
        var space = space(request, errors);
        var backends = backends(request, space, errors);
        PromptVersion first = null;
        try {
            var given = request.initialVersion();
            first = VersionFiles.read(given != null && !given.isNull() ? given : designVersion(), json, now);
        } catch (ProblemException e) {
            var found = e.problem().errors() == null ? List.<Problem.FieldError> of() : e.problem().errors();
            found.forEach(error -> errors.add(new Problem.FieldError(
                    error.field().isEmpty() ? "initial_version" : "initial_version." + error.field(), error.message())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(errors));
        }
        var rules = request.rules();
        var study = new Study(UUID.randomUUID(), request.name().strip(), space.toSpecs(), backends,
                new Study.Rules(rules == null ? null : rules.neverChange(),
                        rules == null || rules.maxPromptLength() == null ? config.maxPromptLength() : rules.maxPromptLength()),
                request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 48), 0, null, null, now);
        var stored = first;
        return repository.createStudy(study, stored).map(ignored -> StudyView.of(study, Map.of(CURRENT, stored.version())));
    }

    private static ParameterSpace space(StudyRequest request, List<Problem.FieldError> errors) {
        if (request.space() == null) {
            return ParameterSpace.preset();
        }
        try {
            return ParameterSpace.fromSpecs(request.space());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("space", e.getMessage()));
            return ParameterSpace.preset();
        }
    }

    private Map<String, String> backends(StudyRequest request, ParameterSpace space, List<Problem.FieldError> errors) {
        var chosen = new LinkedHashMap<String, String>();
        chosen.put("default", config.defaultBackend());
        if (request.backends() != null) {
            chosen.putAll(request.backends());
        }
        var apis = space.dimensions().stream().filter(d -> d.name().equals("api"))
                .flatMap(d -> d instanceof Dimension.Categorical c ? c.categories().stream() : java.util.stream.Stream.empty())
                .toList();
        var enabled = renders.enabledBackends();
        chosen.forEach((api, backend) -> {
            if (!api.equals("default") && !apis.contains(api)) {
                errors.add(new Problem.FieldError("backends." + api, "is not a value of the space's api dimension "
                        + (apis.isEmpty() ? "(the space has none)" : apis.toString())));
            } else if (backend == null || !enabled.contains(backend)) {
                errors.add(new Problem.FieldError("backends." + api, "unknown or unconfigured render backend; available: "
                        + String.join(", ", enabled)));
            }
        });
        return chosen;
    }

    private JsonNode designVersion() {
        try {
            return json.readTree(prompts.text(FIRST_VERSION));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(FIRST_VERSION + " is not JSON", e);
        }
    }

    public Uni<StudyView> get(UUID id) {
        return repository.study(id).chain(study -> study == null ? Uni.createFrom().nullItem()
                : repository.labels(id).map(labels -> StudyView.of(study, labels)));
    }

    public Uni<List<StudyView>> list(int limit) {
        return repository.studies(limit).chain(studies -> studies.isEmpty() ? Uni.createFrom().item(List.<StudyView> of())
                : Uni.join().all(studies.stream().map(s -> repository.labels(s.id()).map(l -> StudyView.of(s, l))).toList())
                        .andFailFast());
    }

    /** Stops Phase 1 by hand (the design's manual override); stopping twice is harmless. */
    public Uni<StudyView> stop(UUID id, String by) {
        return repository.study(id).chain(study -> study == null ? Uni.createFrom().nullItem()
                : repository.stop(id, by == null || by.isBlank() ? "api" : by.strip(), now()).chain(() -> get(id)));
    }

    // ---- versions ---------------------------------------------------------------------------------------------------

    /** The design's file of a version with its figures now, or a null item. */
    public Uni<ObjectNode> export(UUID studyId, String version) {
        return repository.version(studyId, version).chain(found -> found == null ? Uni.createFrom().nullItem()
                : repository.performance(studyId).map(figures -> VersionFiles.write(found,
                        figures.getOrDefault(version, VersionPerformance.NONE), json)));
    }

    /**
     * Imports a version file; a null item when the study does not exist, 409 when it has a version of that name
     * (versions never change), 400 when its parent is not one of the study's versions.
     */
    public Uni<ObjectNode> importVersion(UUID studyId, JsonNode file) {
        var version = VersionFiles.read(file, json, now());
        return repository.study(studyId).chain(study -> {
            if (study == null) {
                return Uni.createFrom().nullItem();
            }
            Uni<PromptVersion> parent = version.parentVersion() == null ? Uni.createFrom().nullItem()
                    : repository.version(studyId, version.parentVersion());
            return parent.chain(found -> {
                if (version.parentVersion() != null && found == null) {
                    throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError("parent_version",
                            "the study has no version " + version.parentVersion()))));
                }
                return repository.addVersion(studyId, version);
            }).chain(added -> {
                if (!added) {
                    throw new ProblemException(ProblemType.CONFLICT, "The study already has a version " + version.version()
                            + "; versions never change, import it under a new number");
                }
                return export(studyId, version.version());
            });
        });
    }

    /** Points {@code current} or {@code candidate} at a version; a null item when the study has no such version. */
    public Uni<StudyView> label(UUID studyId, String label, String version) {
        if (!LABELS.contains(label)) {
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError("label",
                    "must be current or candidate"))));
        }
        return repository.label(studyId, label, version, now())
                .chain(moved -> moved ? get(studyId) : Uni.createFrom().nullItem());
    }

    /** Every version with its figures and labels, as a tree from the first (children oldest first). */
    public Uni<List<Map<String, Object>>> lineage(UUID studyId) {
        return repository.study(studyId).chain(study -> study == null ? Uni.createFrom().nullItem()
                : Uni.combine().all().unis(repository.versions(studyId), repository.performance(studyId),
                        repository.labels(studyId)).asTuple()
                        .map(t -> tree(t.getItem1(), t.getItem2(), t.getItem3())));
    }

    private static List<Map<String, Object>> tree(List<PromptVersion> versions, Map<String, VersionPerformance> figures,
            Map<String, String> labels) {
        var nodes = new LinkedHashMap<String, Map<String, Object>>();
        for (var v : versions) {
            var node = new LinkedHashMap<String, Object>();
            node.put("version", v.version());
            node.put("parent_version", v.parentVersion());
            node.put("created_at", v.createdAt());
            node.put("created_by", v.createdBy());
            node.put("labels", labels.entrySet().stream().filter(l -> l.getValue().equals(v.version()))
                    .map(Map.Entry::getKey).sorted().toList());
            node.put("performance", figures.getOrDefault(v.version(), VersionPerformance.NONE));
            node.put("metadata", v.metadata());
            node.put("children", new ArrayList<Map<String, Object>>());
            nodes.put(v.version(), node);
        }
        var roots = new ArrayList<Map<String, Object>>();
        for (var v : versions) {
            var parent = v.parentVersion() == null ? null : nodes.get(v.parentVersion());
            @SuppressWarnings("unchecked")
            var siblings = parent == null ? roots : (List<Map<String, Object>>) parent.get("children");
            siblings.add(nodes.get(v.version()));
        }
        return roots;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
