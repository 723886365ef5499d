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
 * Prompt files from the classpath ({@code prompts/…}, copied there by the build), read once. A set of files has a
 * version, a hash of their content: it keys the result cache and is recorded with usage, so editing a prompt never
 * serves answers cached for the old one.
 */
@ApplicationScoped
public class Prompts {

    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<List<String>, String> versions = new ConcurrentHashMap<>();

    /** The text of a prompt file, e.g. {@code prompts/enhance/system.md}. */
    public String text(String path) {
        return files.computeIfAbsent(path, p -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("Prompt file " + p + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("Prompt file " + p + " could not be read", e);
            }
        });
    }

    /** The text of a file of the prompts folder, or null when there is none (data that may or may not be there). */
    public String textOrNull(String path) {
        var known = files.get(path);
        if (known != null) {
            return known;
        }
        return Thread.currentThread().getContextClassLoader().getResource(path) == null ? null : text(path);
    }

    /** The version of a set of prompt files used together. */
    public String version(List<String> paths) {
        return versions.computeIfAbsent(List.copyOf(paths), key -> {
            var joined = new StringBuilder();
            key.forEach(path -> joined.append(path).append('\n').append(text(path)).append('\n'));
            return hash(joined.toString());
        });
    }

    static String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
