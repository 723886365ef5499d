package io.shotcraft.demo;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.ai.AiTask;

/** The test-only caption task: its model is {@link Captioner#caption}, its offline twin a plain rule. */
@ApplicationScoped
public class CaptionTask implements AiTask<String, Caption> {

    static final String SYSTEM = "prompts/demo/caption.md";

    private final Captioner model;

    public CaptionTask(Captioner model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "demo-caption";
    }

    @Override
    public Class<Caption> answerType() {
        return Caption.class;
    }

    @Override
    public List<String> promptFiles() {
        return List.of(SYSTEM);
    }

    @Override
    public Caption ask(String scene) {
        return model.caption(scene);
    }

    @Override
    public Caption offline(String scene, String fallbackReason) {
        return new Caption("A shot of " + scene.strip().toLowerCase(Locale.ROOT) + ".", List.of("offline"));
    }

    /** A second task on the same AI service, with a breaker of its own. */
    @ApplicationScoped
    public static class Title implements AiTask<String, Caption> {

        private final Captioner model;

        public Title(Captioner model) {
            this.model = model;
        }

        @Override
        public String name() {
            return "demo-title";
        }

        @Override
        public Class<Caption> answerType() {
            return Caption.class;
        }

        @Override
        public List<String> promptFiles() {
            return List.of(SYSTEM);
        }

        @Override
        public Caption ask(String scene) {
            return model.title(scene);
        }

        @Override
        public Caption offline(String scene, String fallbackReason) {
            return new Caption(scene.strip(), List.of("offline"));
        }
    }
}
