package io.shotcraft.renders.store;

/** One stored output: its bytes, media type and SHA-256 (hex), which is also its HTTP entity tag. */
public record StoredOutput(byte[] bytes, String contentType, String sha256) {
}
