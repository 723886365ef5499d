package io.shotcraft.clips;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.ai.AiCall;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;
import io.shotcraft.clips.offline.ClipContext;
import io.shotcraft.clips.offline.ClipTemplates;
import io.shotcraft.clips.offline.ColorNames;
import io.shotcraft.clips.offline.NegativePrompts;
import io.shotcraft.clips.offline.PromptText;
import io.shotcraft.clips.offline.StyleKeywords;
import io.shotcraft.platform.Ids;
import io.shotcraft.platform.text.Words;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Turns a ScenePlan and its reference images into ClipPrompts: references mapped, one template prompt per clip
 * (with the job's style keywords and the previous clip's context in the same scene), the model rewriting them in
 * one call per batch (batches of long plans run concurrently), each model prompt checked and replaced by its
 * template when it breaks a rule, then the validator. The template path needs no model and no network.
 */
@ApplicationScoped
public class ClipPromptService {

    /** Where a run has got to: a percentage and a step name, reported as the job's progress. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (percent, step) -> Uni.createFrom().voidItem();

        Uni<Void> step(int percent, String step);
    }

    private static final int CONTINUITY_WORDS = 12;

    private final AiTaskRunner runner;
    private final ClipPromptOptimizer optimizer;
    private final ClipsConfig config;

    /** A batch's clips and how the task answered it. */
    private record Written(ClipPromptOptimizer.Batch batch, AiOutcome<ClipPromptBatch> outcome) {

        List<ClipDraft> drafts() {
            if (outcome.engine() == Engine.LLM) {
                return ClipPromptOptimizer.drafts(outcome.value(), batch);
            }
            return batch.bases().stream().map(base -> ClipDraft.template(base, outcome.fallbackReason())).toList();
        }
    }

    public ClipPromptService(AiTaskRunner runner, ClipPromptOptimizer optimizer, ClipsConfig config) {
        this.runner = runner;
        this.optimizer = optimizer;
        this.config = config;
    }

    /** Prompts for a checked request; {@code defaultJobId} is the job id when the request names none. */
    public Uni<ClipPrompts> generate(ClipPromptsRequest request, UUID defaultJobId, String correlationId, Progress progress) {
        long started = System.nanoTime();
        var options = request.optionsOrDefault();
        int maxWords = options.maxWords() != null ? options.maxWords() : config.defaultMaxWords();
        var jobId = request.jobId() != null ? Ids.parse(request.jobId())
                : defaultJobId != null ? defaultJobId : UUID.randomUUID();
        // Templates for hundreds of clips are tens of milliseconds of CPU, and so is checking them: worker threads
        // do both, never the event loop.
        return Uni.createFrom().deferred(() -> {
            var plan = request.plan();
            var style = plan.styleOrEmpty();
            var scripts = plan.clipScripts().stream().sorted(Comparator.comparing(ClipScript::clipIndex)).toList();
            var keywords = StyleKeywords.extract(style.visualStyle(), style.mood(), style.lighting(), style.cinematography(),
                    style.paletteOrEmpty());
            var negative = NegativePrompts.forStyle(style.visualStyle(), style.mood(), keywords);
            var mapper = new ReferenceMapper(request.references());
            var bases = bases(scripts, plan, keywords, mapper, maxWords);
            boolean offline = !config.useLlm() || Boolean.FALSE.equals(options.useLlm()) || "offline".equals(options.engine());
            return progress.step(20, "templates")
                    .chain(() -> write(bases, keywords, maxWords, options, offline, correlationId, progress))
                    .call(() -> progress.step(90, "validation"))
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(outcomes -> {
                        var prompts = assemble(bases, outcomes, keywords, negative);
                        var validated = ClipValidator.validate(scripts, prompts, keywords, negative, maxWords);
                        var result = result(jobId, validated, outcomes, started);
                        Log.infof("clips [%s]: %d clips in %d batch(es), engine=%s%s, %.3f s", correlationId, validated.size(),
                                outcomes.size(), result.engine().wire(),
                                result.fallbackReason() == null ? "" : " fallback_reason=" + result.fallbackReason(),
                                result.generationTime());
                        return result;
                    });
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private List<ClipBase> bases(List<ClipScript> scripts, ScenePlan plan, List<String> keywords, ReferenceMapper mapper,
            int maxWords) {
        var style = plan.styleOrEmpty();
        Map<String, String> scenes = descriptions(plan.scenesOrEmpty());
        Map<String, String> characters = descriptions(plan.charactersOrEmpty());
        // Naming colours takes a CIEDE2000 search of the whole table: once per plan, not per clip.
        var palette = ColorNames.summarize(style.paletteOrEmpty());
        Map<String, ClipBase> lastInScene = new HashMap<>();
        var bases = new ArrayList<ClipBase>(scripts.size());
        for (var script : scripts) {
            var references = mapper.map(script);
            var warnings = new ArrayList<>(references.warnings());
            var characterDescriptions = new ArrayList<String>();
            for (var id : script.charactersOrEmpty()) {
                if (characters.get(id) != null) {
                    characterDescriptions.add(characters.get(id));
                } else if (!characters.containsKey(id)) {
                    warnings.add("character '" + id + "' is not described in plan.characters");
                }
            }
            var previous = references.sceneId() == null ? null : lastInScene.get(references.sceneId());
            var context = new ClipContext(script.clipIndex(), script.visualDescription(), script.motion(), script.cameraAngle(),
                    script.beatIntensityOrDefault(), references.sceneId() == null ? null : scenes.get(references.sceneId()),
                    List.copyOf(characterDescriptions), style.visualStyle(), style.mood(), style.lighting(),
                    style.cinematography(), palette, keywords, references.sceneReferenceUrl() != null,
                    !references.characterReferenceUrls().isEmpty(), previous == null ? null : previousShot(previous), maxWords);
            var base = new ClipBase(script, withWarnings(references, warnings), context, ClipTemplates.build(context),
                    previous == null ? null : previous.index());
            if (references.sceneId() != null) {
                lastInScene.put(references.sceneId(), base);
            }
            bases.add(base);
        }
        return bases;
    }

    private Uni<List<Written>> write(List<ClipBase> bases, List<String> keywords, int maxWords, ClipPromptOptions options,
            boolean offline, String correlationId, Progress progress) {
        boolean modelAsked = !offline && runner.llmAvailable();
        // Batches exist for the model's sake; templates write the whole plan in one go.
        var batches = modelAsked ? batches(bases, Math.max(1, config.batchSize())) : List.of(bases);
        var cap = options.maxCostUsd() != null ? options.maxCostUsd() : config.maxCostUsd();
        // The request's cap is shared by its batches, which are of equal size give or take one clip.
        var aiOptions = new AiOptions(offline ? "offline" : options.engine(),
                cap.divide(BigDecimal.valueOf(batches.size()), 8, RoundingMode.DOWN));
        var calls = new ArrayList<Uni<Written>>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            var before = i == 0 ? null : batches.get(i - 1).getLast();
            var batch = optimizer.batch(batches.get(i), before, keywords, maxWords);
            var call = AiCall.of(aiOptions, correlationId).withModel(options.model())
                    .withMaxTokens(ClipPromptOptimizer.maxTokens(batch));
            calls.add(runner.run(optimizer, batch, call).map(outcome -> new Written(batch, outcome)));
        }
        var step = modelAsked ? progress.step(30, "model") : Uni.createFrom().voidItem();
        return step.chain(() -> Uni.join().all(calls).andFailFast());
    }

    /** The clips in {@code ceil(n / size)} batches of sizes that differ by one at most, in order. */
    static List<List<ClipBase>> batches(List<ClipBase> bases, int size) {
        int count = Math.max(1, (bases.size() + size - 1) / size);
        var batches = new ArrayList<List<ClipBase>>(count);
        int from = 0;
        for (int i = 0; i < count; i++) {
            int length = bases.size() / count + (i < bases.size() % count ? 1 : 0);
            batches.add(bases.subList(from, from + length));
            from += length;
        }
        return batches;
    }

    private static List<ClipPrompt> assemble(List<ClipBase> bases, List<Written> written, List<String> keywords,
            String negative) {
        Map<Integer, ClipDraft> drafts = new HashMap<>();
        Map<Integer, AiOutcome<ClipPromptBatch>> madeBy = new HashMap<>();
        for (var batch : written) {
            for (var draft : batch.drafts()) {
                drafts.put(draft.clipIndex(), draft);
                madeBy.put(draft.clipIndex(), batch.outcome());
            }
        }
        var prompts = new ArrayList<ClipPrompt>(bases.size());
        for (var base : bases) {
            var draft = drafts.get(base.index());
            var outcome = madeBy.get(base.index());
            var refs = base.references();
            var metadata = new ClipMetadata(Words.count(draft.prompt()), keywords, refs.sceneId(), refs.characterIds(),
                    false, draft.llm(), draft.llm() ? outcome.model() : null, refs.referenceMode(), refs.primaryReferenceUrl(),
                    refs.coverage(), draft.fallbackReason(), base.previousClipIndex(), refs.warnings());
            prompts.add(new ClipPrompt(base.index(), draft.prompt(), negative, base.script().duration(),
                    refs.sceneReferenceUrl(), refs.characterReferenceUrls(), metadata));
        }
        return prompts;
    }

    /**
     * The plan's prompts and how they were made, honestly: {@code engine} llm when the model wrote at least one
     * prompt, the counts of model and template prompts, a {@code fallback_reason} whenever a prompt fell back (a
     * batch's reason, else the first clip's), and the usage of every billed call, refused answers included.
     */
    private static ClipPrompts result(UUID jobId, List<ClipPrompt> prompts, List<Written> written, long started) {
        int modelClips = (int) prompts.stream().filter(p -> p.metadata().llmUsed()).count();
        var outcomes = written.stream().map(Written::outcome).toList();
        var answered = outcomes.stream().filter(o -> o.engine() == Engine.LLM).toList();
        var model = answered.isEmpty() ? null : answered.getFirst().model();
        boolean cached = !answered.isEmpty() && answered.stream().allMatch(AiOutcome::cached);
        var usage = outcomes.stream().map(AiOutcome::usage).reduce(Usage.NONE, Usage::plus);
        var fallbackReason = outcomes.stream().map(AiOutcome::fallbackReason).filter(r -> r != null).findFirst()
                .orElseGet(() -> prompts.stream().map(p -> p.metadata().fallbackReason()).filter(r -> r != null).findFirst()
                        .orElse(null));
        double seconds = Math.round((System.nanoTime() - started) / 1e5) / 1e4;
        return new ClipPrompts(jobId, prompts, prompts.size(), modelClips, prompts.size() - modelClips, seconds,
                modelClips > 0 ? Engine.LLM : Engine.OFFLINE, modelClips > 0 ? model : null, cached, usage, fallbackReason,
                outcomes.getFirst().promptVersion());
    }

    private static String previousShot(ClipBase previous) {
        var description = previous.script().visualDescription();
        return PromptText.shorten(description == null || description.isBlank() ? ClipTemplates.FALLBACK_DESCRIPTION : description,
                CONTINUITY_WORDS);
    }

    private static ClipReferences withWarnings(ClipReferences references, List<String> warnings) {
        return new ClipReferences(references.sceneId(), references.characterIds(), references.sceneReferenceUrl(),
                references.characterReferenceUrls(), references.referenceMode(), references.primaryReferenceUrl(),
                references.coverage(), List.copyOf(warnings));
    }

    /** Description by id (the first described entry of an id wins; null when an id has none). */
    private static Map<String, String> descriptions(List<PlanElement> elements) {
        Map<String, String> byId = new HashMap<>();
        for (var element : elements) {
            var described = element.description() != null && !element.description().isBlank();
            if (described || !byId.containsKey(element.id())) {
                byId.put(element.id(), described ? element.description() : null);
            }
        }
        return byId;
    }
}
