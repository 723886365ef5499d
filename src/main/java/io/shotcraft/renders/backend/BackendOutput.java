package io.shotcraft.renders.backend;

/** One image or video a backend made, as received: its bytes and the media type they were checked to be. */
public record BackendOutput(byte[] bytes, String contentType, Integer width, Integer height) {
}
