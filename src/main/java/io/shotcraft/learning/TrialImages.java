package io.shotcraft.learning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.Workers;
import io.smallrye.mutiny.Uni;

/**
 * Input images of trials: checked by their bytes (PNG, JPEG or WebP, whatever the upload claims), bounded in size,
 * stored with the study.
 */
@ApplicationScoped
public class TrialImages {

    private final LearningRepository repository;
    private final LearningConfig config;

    public TrialImages(LearningRepository repository, LearningConfig config) {
        this.repository = repository;
        this.config = config;
    }

    Uni<UUID> save(UUID studyId, FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw invalid("an image is required (multipart field 'image'); send JSON without one");
        }
        if (upload.size() > config.maxImageBytes()) {
            throw invalid("the image has " + upload.size() + " bytes; at most " + config.maxImageBytes());
        }
        var id = UUID.randomUUID();
        return Workers.run(() -> read(upload)).chain(bytes -> {
            var type = contentType(bytes);
            if (type == null) {
                throw invalid("is not a PNG, JPEG or WebP image");
            }
            return repository.saveImage(id, studyId, type, bytes, sha256(bytes), StudyService.now()).replaceWith(id);
        });
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's media type from its first bytes, or null for anything else. */
    static String contentType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError("image", message))));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
