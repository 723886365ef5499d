package io.shotcraft.demo;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;

import io.shotcraft.ai.DeclaredTask;

/** The test-only caption task: its model is {@link Captioner#caption}, its offline twin a plain rule. */
@Singleton
public class CaptionTask extends DeclaredTask<String, Caption> {

    static final String SYSTEM = "prompts/demo/caption.md";

    private final Captioner model;

    public CaptionTask(Captioner model) {
        super("demo-caption", Caption.class, SYSTEM);
        this.model = model;
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
    @Singleton
    public static class Title extends DeclaredTask<String, Caption> {

        private final Captioner model;

        public Title(Captioner model) {
            super("demo-title", Caption.class, SYSTEM);
            this.model = model;
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
