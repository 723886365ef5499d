package io.shotcraft.learning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A trial (the design's experiment): the options shown side by side and, once rated, their ratings. Its id is the id
 * of the job that drew it.
 *
 * @param status rendering, ready (to rate), rated or failed
 * @param candidates points rendered when the reward model pre-filtered them (null when it did not)
 */
record Experiment(UUID id, UUID studyId, int seq, String prompt, UUID imageId, UUID abTestId, String status,
        OffsetDateTime createdAt, OffsetDateTime ratedAt, String ratedBy, Integer candidates, List<Option> options) {

    static final String RENDERING = "rendering";
    static final String READY = "ready";
    static final String RATED = "rated";
    static final String FAILED = "failed";

    Experiment withOptions(List<Option> options) {
        return new Experiment(id, studyId, seq, prompt, imageId, abTestId, status, createdAt, ratedAt, ratedBy, candidates,
                options);
    }

    /** The options shown to the rater (all of them, unless the reward model screened candidates). */
    List<Option> shown() {
        return options.stream().filter(Option::shown).toList();
    }

    /**
     * One side of a trial.
     *
     * @param option A or B
     * @param renderId the render that draws it (the design's image_id)
     * @param features the render's image features, for the reward model (null until extracted, or for no image)
     * @param shown false for a candidate the reward model screened out (numbered 1, 2, … instead of lettered)
     */
    record Option(String option, Map<String, Object> parameters, String promptVersion, UUID renderId, Integer rating,
            String comments, double[] features, boolean shown) {

        /** The value of the space's {@code api} dimension at this option, or null when the space has none. */
        String api() {
            var api = parameters.get("api");
            return api == null ? null : api.toString();
        }
    }
}
