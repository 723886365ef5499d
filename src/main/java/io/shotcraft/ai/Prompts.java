package io.shotcraft.ai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Loads prompt files from the classpath ({@code prompts/…}, copied there by the build) and composes them:
 * a shared part plus fragments, joined by blank lines. Loaded files are kept in memory.
 */
@ApplicationScoped
public class Prompts {

    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<List<String>, Prompt> composed = new ConcurrentHashMap<>();

    /** The prompt made of the given files (paths below {@code prompts/}), in order. */
    public Prompt get(String... paths) {
        return composed.computeIfAbsent(List.of(paths), key -> {
            var text = String.join("\n\n", key.stream().map(this::file).map(String::strip).toList());
            return new Prompt(text, version(text));
        });
    }

    private String file(String path) {
        return files.computeIfAbsent(path, p -> {
            var resource = "prompts/" + p;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Prompt file " + resource + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("Prompt file " + resource + " could not be read", e);
            }
        });
    }

    static String version(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
