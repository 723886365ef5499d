package io.shotcraft.targets;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code shotcraft.targets.*}: where the model groups are read from. */
@ConfigMapping(prefix = "shotcraft.targets")
public interface TargetsConfig {

    /**
     * Classpath folders holding a {@code groups.json} and its files, read in order: the first is the product's, a
     * further one adds groups and models (a deployment's own, or a test's).
     */
    @WithDefault("prompts/targets")
    List<String> locations();

    /** Clips of a clip-prompts job written at once (one model call each) when its targets run as a job. */
    @WithDefault("4")
    int clipConcurrency();
}
