package io.shotcraft.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream as raw text lines and parses it, as a browser's EventSource would. */
public final class SseClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event as received; {@code comments} are the comment lines that came before it. */
    public record Event(String id, String name, String data) {
    }

    /** A stream being read: events so far, comment lines, and completion when the server closes it. */
    public static final class EventStream {
        public final int status;
        public final String contentType;
        public final List<Event> events = new CopyOnWriteArrayList<>();
        public final List<String> comments = new CopyOnWriteArrayList<>();
        public final CompletableFuture<List<Event>> closed = new CompletableFuture<>();

        EventStream(int status, String contentType) {
            this.status = status;
            this.contentType = contentType;
        }
    }

    private SseClient() {
    }

    /** Opens the stream; lines are read on a background thread until the server closes it. */
    public static EventStream open(URI uri, String lastEventId) {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var stream = new EventStream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""));
        Thread.ofVirtual().start(() -> {
            try (var lines = response.body()) {
                parse(lines, stream);
                stream.closed.complete(new ArrayList<>(stream.events));
            } catch (RuntimeException e) {
                stream.closed.completeExceptionally(e);
            }
        });
        return stream;
    }

    private static void parse(Stream<String> lines, EventStream stream) {
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (var it = lines.iterator(); it.hasNext();) {
            String line = it.next();
            if (line.isEmpty()) {
                if (data != null) {
                    stream.events.add(new Event(id, name == null ? "message" : name, data.toString()));
                }
                id = null;
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                stream.comments.add(line.substring(1).trim());
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                    }
                }
            }
        }
    }
}
