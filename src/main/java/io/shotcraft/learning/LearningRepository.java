package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.learning.optimize.DimensionSpec;
import io.shotcraft.platform.Uncancellable;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Learning's rows, through the reactive SQL client: its writes are conditional (a trial is numbered only if no other
 * took the number, a trial is rated once, an A/B test counts a pair only while it runs) and its figures are
 * aggregates, which read more plainly as SQL than as entities. Writes are {@link Uncancellable}: a client that goes
 * away does not leave half a rating.
 */
@ApplicationScoped
public class LearningRepository {

    private static final TypeReference<List<DimensionSpec>> SPECS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Map<String, Object>>> PROMPTS = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public LearningRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    // ---- studies --------------------------------------------------------------------------------------------------

    /** Stores a study with its first version, labelled current. */
    Uni<Void> createStudy(Study study, PromptVersion first) {
        return write(() -> pool.withTransaction(c -> c.preparedQuery("""
                insert into learning_study (id, name, space, backends, rules, seed, created_at)
                values ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(Arrays.asList(study.id(), study.name(), new JsonArray(text(study.space())),
                        new JsonObject(text(study.backends())), new JsonObject(text(study.rules())), study.seed(),
                        study.createdAt())))
                .chain(() -> insertVersion(c, study.id(), first))
                .chain(() -> moveLabel(c, study.id(), "current", first.version(), study.createdAt()))
                .replaceWithVoid()));
    }

    Uni<Study> study(UUID id) {
        return pool.preparedQuery("select * from learning_study where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : study(rows.iterator().next()));
    }

    Uni<List<Study>> studies(int limit) {
        return pool.preparedQuery("select * from learning_study order by created_at desc, id desc limit $1")
                .execute(Tuple.of(limit)).map(rows -> map(rows, this::study));
    }

    /** Stops Phase 1 by hand; false when it was already stopped by hand. */
    Uni<Boolean> stop(UUID id, String by, OffsetDateTime at) {
        return write(() -> pool.preparedQuery(
                "update learning_study set stopped_at = $2, stopped_by = $3 where id = $1 and stopped_at is null")
                .execute(Tuple.of(id, at, by)).map(rows -> rows.rowCount() > 0));
    }

    private Study study(Row row) {
        return new Study(row.getUUID("id"), row.getString("name"), read(row.getValue("space").toString(), SPECS),
                read(row.getValue("backends").toString(), STRINGS),
                read(row.getValue("rules").toString(), Study.Rules.class), row.getLong("seed"), row.getInteger("trials"),
                row.getOffsetDateTime("stopped_at"), row.getString("stopped_by"), row.getOffsetDateTime("created_at"));
    }

    // ---- versions and labels ----------------------------------------------------------------------------------------

    /** Stores a version; false when the study already has one of that name (versions are immutable). */
    Uni<Boolean> addVersion(UUID studyId, PromptVersion version) {
        return write(() -> pool.withTransaction(c -> insertVersion(c, studyId, version)));
    }

    private Uni<Boolean> insertVersion(SqlConnection c, UUID studyId, PromptVersion version) {
        return c.preparedQuery("""
                insert into learning_version (study_id, version, parent_version, created_at, created_by, prompts, metadata)
                values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing""")
                .execute(Tuple.from(Arrays.asList(studyId, version.version(), (version.parentVersion()),
                        version.createdAt(), version.createdBy(), new JsonObject(text(version.prompts())),
                        new JsonObject(text(version.metadata())))))
                .map(rows -> rows.rowCount() > 0);
    }

    Uni<List<PromptVersion>> versions(UUID studyId) {
        return pool.preparedQuery("select * from learning_version where study_id = $1 order by created_at, version")
                .execute(Tuple.of(studyId)).map(rows -> map(rows, this::version));
    }

    Uni<PromptVersion> version(UUID studyId, String version) {
        return pool.preparedQuery("select * from learning_version where study_id = $1 and version = $2")
                .execute(Tuple.of(studyId, version))
                .map(rows -> rows.size() == 0 ? null : version(rows.iterator().next()));
    }

    private PromptVersion version(Row row) {
        return new PromptVersion(row.getString("version"), row.getOffsetDateTime("created_at"),
                row.getString("created_by"), row.getString("parent_version"),
                read(row.getValue("prompts").toString(), PROMPTS), read(row.getValue("metadata").toString(), MAP));
    }

    Uni<Map<String, String>> labels(UUID studyId) {
        return pool.preparedQuery("select label, version from learning_label where study_id = $1")
                .execute(Tuple.of(studyId)).map(rows -> {
                    var labels = new LinkedHashMap<String, String>();
                    rows.forEach(row -> labels.put(row.getString("label"), row.getString("version")));
                    return labels;
                });
    }

    /** Points a label at a version (false when the study has no such version). */
    Uni<Boolean> label(UUID studyId, String label, String version, OffsetDateTime at) {
        return write(() -> pool.withTransaction(c -> moveLabel(c, studyId, label, version, at)));
    }

    Uni<Void> unlabel(UUID studyId, String label) {
        return write(() -> pool.preparedQuery("delete from learning_label where study_id = $1 and label = $2")
                .execute(Tuple.of(studyId, label)).replaceWithVoid());
    }

    private Uni<Boolean> moveLabel(SqlConnection c, UUID studyId, String label, String version, OffsetDateTime at) {
        return c.preparedQuery("""
                insert into learning_label (study_id, label, version, moved_at)
                select $1, $2, $3, $4 where exists (select 1 from learning_version where study_id = $1 and version = $3)
                on conflict (study_id, label) do update set version = excluded.version, moved_at = excluded.moved_at""")
                .execute(Tuple.of(studyId, label, version, at)).map(rows -> rows.rowCount() > 0);
    }

    /** Every version's figures, from the options drawn with it. */
    Uni<Map<String, VersionPerformance>> performance(UUID studyId) {
        return pool.preparedQuery("""
                select o.prompt_version, avg(o.rating)::float8 as avg_rating, count(o.rating) as n,
                       max(e.created_at) as last_used,
                       count(*) filter (where o.rating > p.rating) as wins,
                       count(*) filter (where o.rating <> p.rating) as decisive
                from learning_option o
                join learning_experiment e on e.id = o.experiment_id
                left join learning_option p on p.experiment_id = o.experiment_id and p.option <> o.option and p.shown
                where e.study_id = $1 and e.status <> 'failed' and o.shown
                group by o.prompt_version""").execute(Tuple.of(studyId)).map(rows -> {
                    var figures = new HashMap<String, VersionPerformance>();
                    rows.forEach(row -> {
                        long decisive = row.getLong("decisive");
                        figures.put(row.getString("prompt_version"), new VersionPerformance(row.getDouble("avg_rating"),
                                row.getLong("n").intValue(),
                                decisive == 0 ? null : row.getLong("wins") / (double) decisive,
                                row.getOffsetDateTime("last_used")));
                    });
                    return figures;
                });
    }

    // ---- trials ---------------------------------------------------------------------------------------------------

    /**
     * Numbers and stores a trial with its options, if the study has still numbered {@code trialsSeen} trials; false
     * when another trial was numbered in between (its points are then pending, and the suggestions are redrawn).
     */
    Uni<Boolean> startTrial(Experiment trial, int trialsSeen) {
        return write(() -> pool.withTransaction(c -> c.preparedQuery(
                "update learning_study set trials = trials + 1 where id = $1 and trials = $2 returning trials")
                .execute(Tuple.of(trial.studyId(), trialsSeen))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    int seq = rows.iterator().next().getInteger("trials");
                    return c.preparedQuery("""
                            insert into learning_experiment (id, study_id, seq, prompt, image_id, ab_test_id, status, created_at,
                                candidates)
                            values ($1, $2, $3, $4, $5, $6, 'rendering', $7, $8)""")
                            .execute(Tuple.from(Arrays.asList(trial.id(), trial.studyId(), seq, (trial.prompt()),
                                    (trial.imageId()), (trial.abTestId()), trial.createdAt(), trial.candidates())))
                            .chain(() -> c.preparedQuery("""
                                    insert into learning_option (experiment_id, option, parameters, prompt_version, render_id, shown)
                                    values ($1, $2, $3, $4, $5, $6)""")
                                    .executeBatch(trial.options().stream().map(o -> Tuple.from(Arrays.asList(trial.id(),
                                            o.option(), new JsonObject(text(o.parameters())), o.promptVersion(), o.renderId(),
                                            o.shown()))).toList()))
                            .replaceWith(true);
                })));
    }

    Uni<Experiment> experiment(UUID id) {
        return pool.preparedQuery("select * from learning_experiment where id = $1").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : withOptions(List.of(experiment(rows.iterator().next()))).map(List::getFirst));
    }

    /** Moves a trial from one status to another; false when it was not in {@code from}. */
    Uni<Boolean> trialStatus(UUID id, String from, String to) {
        return write(() -> pool.preparedQuery("update learning_experiment set status = $3 where id = $1 and status = $2")
                .execute(Tuple.of(id, from, to)).map(rows -> rows.rowCount() > 0));
    }

    /**
     * Shows two screened candidates as options A and B (the others stay hidden), while the trial is rendering; false
     * when it no longer is.
     */
    Uni<Boolean> reveal(UUID experimentId, String first, String second) {
        return write(() -> pool.preparedQuery("""
                update learning_option set shown = true,
                    option = case option when $2 then 'A' else 'B' end
                where experiment_id = $1 and option in ($2, $3)
                  and exists (select 1 from learning_experiment where id = $1 and status = 'rendering')""")
                .execute(Tuple.of(experimentId, first, second)).map(rows -> rows.rowCount() == 2));
    }

    Uni<Void> features(UUID experimentId, String option, double[] features) {
        return write(() -> pool.preparedQuery(
                "update learning_option set features = $3 where experiment_id = $1 and option = $2")
                .execute(Tuple.of(experimentId, option, text(features))).replaceWithVoid());
    }

    /**
     * Rates a trial that is ready: all its options at once, in one transaction. The trial's status is the guard, so
     * of two raters of one trial exactly one succeeds; false for the other (or a trial that is not ready).
     */
    Uni<Boolean> rate(UUID experimentId, String ratedBy, OffsetDateTime at, Map<String, Rating> ratings) {
        return write(() -> pool.withTransaction(c -> c.preparedQuery("""
                update learning_experiment set status = 'rated', rated_at = $2, rated_by = $3
                where id = $1 and status = 'ready'""")
                .execute(Tuple.of(experimentId, at, ratedBy))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : c.preparedQuery("update learning_option set rating = $3, comments = $4 where experiment_id = $1 and option = $2")
                                .executeBatch(ratings.entrySet().stream().map(r -> Tuple.of(experimentId, r.getKey(),
                                        (short) r.getValue().rating(), r.getValue().comments())).toList())
                                .replaceWith(true))));
    }

    /** A rating of one option: 1 to 5 stars and what the rater said. */
    record Rating(int rating, String comments) {
    }

    /** Every rated option of the study, oldest trial first: the optimiser's observations and the history's figures. */
    Uni<List<Experiment>> ratedTrials(UUID studyId) {
        return trials(studyId, "status = 'rated'", Tuple.of(studyId), "seq");
    }

    /** Trials drawn and not rated since {@code since}: their points are pending. */
    Uni<List<Experiment>> pendingTrials(UUID studyId, OffsetDateTime since) {
        return trials(studyId, "status in ('rendering', 'ready') and created_at > $2", Tuple.of(studyId, since), "seq");
    }

    /** The last rated trials, most recent first. */
    Uni<List<Experiment>> recentRated(UUID studyId, int limit) {
        return trials(studyId, "status = 'rated'", Tuple.of(studyId), "seq desc limit " + limit);
    }

    private Uni<List<Experiment>> trials(UUID studyId, String where, Tuple args, String order) {
        return pool.preparedQuery("select * from learning_experiment where study_id = $1 and " + where + " order by " + order)
                .execute(args).chain(rows -> withOptions(map(rows, this::experiment)));
    }

    private Uni<List<Experiment>> withOptions(List<Experiment> trials) {
        if (trials.isEmpty()) {
            return Uni.createFrom().item(trials);
        }
        var ids = trials.stream().map(Experiment::id).toArray(UUID[]::new);
        return pool.preparedQuery("select * from learning_option where experiment_id = any($1) order by shown desc, option")
                .execute(Tuple.of(ids)).map(rows -> {
                    var options = new HashMap<UUID, List<Experiment.Option>>();
                    rows.forEach(row -> options.computeIfAbsent(row.getUUID("experiment_id"), k -> new ArrayList<>())
                            .add(option(row)));
                    return trials.stream().map(t -> t.withOptions(options.getOrDefault(t.id(), List.of()))).toList();
                });
    }

    private Experiment experiment(Row row) {
        return new Experiment(row.getUUID("id"), row.getUUID("study_id"), row.getInteger("seq"), row.getString("prompt"),
                row.getUUID("image_id"), row.getUUID("ab_test_id"), row.getString("status"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("rated_at"), row.getString("rated_by"),
                row.getInteger("candidates"), List.of());
    }

    private Experiment.Option option(Row row) {
        var features = row.getString("features");
        var rating = row.getValue("rating");
        return new Experiment.Option(row.getString("option"), read(row.getValue("parameters").toString(), MAP),
                row.getString("prompt_version"), row.getUUID("render_id"),
                rating == null ? null : ((Number) rating).intValue(), row.getString("comments"),
                features == null ? null : read(features, double[].class), row.getBoolean("shown"));
    }

    // ---- A/B tests ----------------------------------------------------------------------------------------------------

    /** The study's running A/B test, or a null item. */
    Uni<AbTest> runningAbTest(UUID studyId) {
        return pool.preparedQuery("select * from learning_ab_test where study_id = $1 and status = 'running'")
                .execute(Tuple.of(studyId)).map(rows -> rows.size() == 0 ? null : abTest(rows.iterator().next()));
    }

    Uni<AbTest> abTest(UUID id) {
        return pool.preparedQuery("select * from learning_ab_test where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : abTest(rows.iterator().next()));
    }

    /** Whether the study has a test queued or running. */
    Uni<Boolean> testing(UUID studyId) {
        return pool.preparedQuery("select 1 from learning_ab_test where study_id = $1 and status in ('queued', 'running') limit 1")
                .execute(Tuple.of(studyId)).map(rows -> rows.size() > 0);
    }

    Uni<EvolutionRun> evolution(UUID id) {
        return pool.preparedQuery("select study_id, at_sample from learning_evolution where id = $1").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem()
                        : evolutions(rows.iterator().next().getUUID("study_id"))
                                .map(all -> all.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null)));
    }

    Uni<List<AbTest>> abTests(UUID studyId) {
        return pool.preparedQuery("select * from learning_ab_test where study_id = $1 order by created_at, candidate")
                .execute(Tuple.of(studyId)).map(rows -> map(rows, this::abTest));
    }

    /** Queues A/B tests of new candidates against the current version. */
    Uni<Void> queueAbTests(List<AbTest> tests) {
        return write(() -> pool.preparedQuery("""
                insert into learning_ab_test (id, study_id, candidate, current, evolution_id, status, created_at)
                values ($1, $2, $3, $4, $5, 'queued', $6)""")
                .executeBatch(tests.stream().map(t -> Tuple.from(Arrays.asList(t.id(), t.studyId(), t.candidate(),
                        t.current(), t.evolutionId(), t.createdAt()))).toList())
                .replaceWithVoid());
    }

    /**
     * Starts the oldest queued test of the study, against the version that is current now, and points the candidate
     * label at it; a null item when none is queued or one already runs (the partial unique index keeps it to one).
     */
    Uni<AbTest> startNextAbTest(UUID studyId, OffsetDateTime at) {
        return write(() -> pool.withTransaction(c -> c.preparedQuery("""
                update learning_ab_test set status = 'running', started_at = $2,
                    current = coalesce((select version from learning_label where study_id = $1 and label = 'current'), current)
                where id = (select id from learning_ab_test where study_id = $1 and status = 'queued'
                            order by created_at, candidate limit 1)
                  and not exists (select 1 from learning_ab_test where study_id = $1 and status = 'running')
                returning *""").execute(Tuple.of(studyId, at))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().<AbTest> nullItem();
                    }
                    var test = abTest(rows.iterator().next());
                    return moveLabel(c, studyId, "candidate", test.candidate(), at).replaceWith(test);
                })));
    }

    /**
     * Counts one paired outcome of a running test (+1 candidate won, -1 lost, 0 tie) and answers the test's counts
     * after it; a null item when the test no longer runs (the pair came after its decision).
     */
    Uni<AbTest> countPair(UUID testId, int outcome) {
        return write(() -> pool.preparedQuery("""
                update learning_ab_test set wins = wins + $2, losses = losses + $3, ties = ties + $4
                where id = $1 and status = 'running' returning *""")
                .execute(Tuple.of(testId, outcome > 0 ? 1 : 0, outcome < 0 ? 1 : 0, outcome == 0 ? 1 : 0))
                .map(rows -> rows.size() == 0 ? null : abTest(rows.iterator().next())));
    }

    /**
     * Ends a running test with its decision and figures and moves the labels: a promoted candidate becomes current;
     * either way the candidate label is cleared. False when the test had already ended.
     */
    Uni<Boolean> decideAbTest(AbTest test, String status, double probability, OffsetDateTime at) {
        return write(() -> pool.withTransaction(c -> c.preparedQuery("""
                update learning_ab_test set status = $2, probability = $3, decided_at = $4
                where id = $1 and status = 'running'""").execute(Tuple.of(test.id(), status, probability, at))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<?> promote = "promoted".equals(status)
                            ? moveLabel(c, test.studyId(), "current", test.candidate(), at)
                            : Uni.createFrom().voidItem();
                    return promote.chain(() -> c.preparedQuery(
                            "delete from learning_label where study_id = $1 and label = 'candidate'")
                            .execute(Tuple.of(test.studyId()))).replaceWith(true);
                })));
    }

    private AbTest abTest(Row row) {
        return new AbTest(row.getUUID("id"), row.getUUID("study_id"), row.getString("candidate"), row.getString("current"),
                row.getUUID("evolution_id"), row.getString("status"), row.getInteger("wins"), row.getInteger("losses"),
                row.getInteger("ties"), row.getDouble("probability"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("started_at"), row.getOffsetDateTime("decided_at"));
    }

    // ---- evolutions ---------------------------------------------------------------------------------------------------

    /** Records that an evolution starts at this sample count; false when one already did (two raters crossed it). */
    Uni<Boolean> startEvolution(UUID id, UUID studyId, int atSample, String trigger, OffsetDateTime at) {
        return write(() -> pool.preparedQuery("""
                insert into learning_evolution (id, study_id, at_sample, trigger, status, created_at)
                values ($1, $2, $3, $4, 'running', $5) on conflict do nothing""")
                .execute(Tuple.of(id, studyId, atSample, trigger, at)).map(rows -> rows.rowCount() > 0));
    }

    Uni<Void> finishEvolution(UUID id, String status, String engine, String model, List<String> versions,
            OffsetDateTime at) {
        return write(() -> pool.preparedQuery("""
                update learning_evolution set status = $2, engine = $3, model = $4, versions = $5, finished_at = $6
                where id = $1""").execute(Tuple.from(Arrays.asList(id, status, engine, model,
                new JsonArray(text(versions)), at))).replaceWithVoid());
    }

    /** The study's evolutions, oldest first. */
    Uni<List<EvolutionRun>> evolutions(UUID studyId) {
        return pool.preparedQuery("select * from learning_evolution where study_id = $1 order by at_sample")
                .execute(Tuple.of(studyId)).map(rows -> map(rows, row -> new EvolutionRun(row.getUUID("id"),
                        row.getInteger("at_sample"), row.getString("trigger"), row.getString("status"),
                        row.getString("engine"), row.getString("model"),
                        row.getValue("versions") == null ? List.of()
                                : read(row.getValue("versions").toString(), new TypeReference<List<String>>() {
                                }),
                        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("finished_at"))));
    }

    // ---- input images -----------------------------------------------------------------------------------------------

    Uni<Void> saveImage(UUID id, UUID studyId, String contentType, byte[] data, String sha256, OffsetDateTime at) {
        return write(() -> pool.preparedQuery("""
                insert into learning_image (id, study_id, content_type, size, sha256, data, created_at)
                values ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(Arrays.asList(id, studyId, contentType, data.length, sha256,
                        io.vertx.core.buffer.Buffer.buffer(data), at)))
                .replaceWithVoid());
    }

    /** The image's content type and bytes, or a null item. */
    Uni<StoredImage> image(UUID id) {
        return pool.preparedQuery("select study_id, content_type, data from learning_image where id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new StoredImage(row.getUUID("study_id"), row.getString("content_type"),
                            row.getBuffer("data").getBytes());
                });
    }

    record StoredImage(UUID studyId, String contentType, byte[] data) {
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static <T> Uni<T> write(java.util.function.Supplier<Uni<T>> work) {
        return Uncancellable.of(work);
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        var list = new ArrayList<T>(rows.size());
        rows.forEach(row -> list.add(mapper.apply(row)));
        return list;
    }

    String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("learning data could not be written as JSON", e);
        }
    }

    <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored learning data is not the JSON expected", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored learning data is not the JSON expected", e);
        }
    }
}
