package io.shotcraft.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ordered by time, then id, ends: the {@code cursor} a list answer gives out and takes back
 * (URL-safe base64 of {@code <instant>/<id>}, opaque to clients). A cursor this API did not give out is a 400.
 */
public record PageCursor(OffsetDateTime at, UUID id) {

    /** The cursor of a page whose last item is at {@code at} with {@code id}. */
    public static String encode(OffsetDateTime at, UUID id) {
        var raw = at.toInstant().toString() + "/" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; null for none (the first page); 400 naming {@code cursor} when malformed. */
    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("/", 2);
            return new PageCursor(Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw QueryParams.invalid("cursor", "is not one this API gave out");
        }
    }
}
