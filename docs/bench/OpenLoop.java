import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * An open-loop load generator for docs/bench/hotpaths.sh: POSTs at a fixed rate whatever the answers' latency, and
 * measures each request from the time it was meant to be sent (so a stall is charged to every request it delayed:
 * no coordinated omission). In flight is bounded: a send that would exceed the bound is not made and counted as
 * skipped (a sign the rate is above what the server sustains). It stops by itself: warm-up, then the measured
 * seconds, then at most 10 s for the last answers. Loopback only.
 *
 * <pre>
 * java docs/bench/OpenLoop.java --url http://127.0.0.1:18181/api/v1/enhance --rate 500 --seconds 30 --warmup 5 \
 *      [--body-file f.json | --body '{"prompt":"... {n}"}'] [--max-in-flight 256] [--expect '"engine":"llm"']... [--label x]
 * </pre>
 * {n} in the body is replaced by digits unique to the run (with --nonce, unique across runs). Prints one line
 * "OL label=... rate=... scheduled=... ok=... non2xx=... errors=... skipped_or_unanswered=... p50_us=... p99_us=... max_us=..."
 * for the measured seconds (latency of 2xx answers) and, for each --expect, how many of those answers contained it.
 */
public class OpenLoop {

    private static final long UNANSWERED = -1, NON_2XX = -2, ERROR = -3;

    public static void main(String[] args) throws Exception {
        String url = null, body = "", label = "open-loop", nonce = "0";
        double rate = 0;
        int seconds = 30, warmup = 5, maxInFlight = 256;
        List<String> expects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = value;
                case "--body" -> body = value;
                case "--body-file" -> body = Files.readString(Path.of(value));
                case "--rate" -> rate = Double.parseDouble(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--max-in-flight" -> maxInFlight = Integer.parseInt(value);
                case "--expect" -> expects.add(value);
                case "--label" -> label = value;
                case "--nonce" -> nonce = value;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (url == null || !URI.create(url).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("--url must be an http://127.0.0.1 address");
        }
        if (!(rate > 0 && rate <= 20_000) || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 120
                || maxInFlight < 1 || maxInFlight > 4096) {
            throw new IllegalArgumentException("want 0 < rate <= 20000, 1 <= seconds <= 600, 0 <= warmup <= 120, 1 <= max-in-flight <= 4096");
        }
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        var uri = URI.create(url);
        var template = body;
        var patterns = expects.stream().map(Pattern::quote).map(Pattern::compile).toList();

        long period = Math.round(1e9 / rate);
        int warmupCount = (int) Math.round(rate * warmup);
        int total = warmupCount + (int) Math.round(rate * seconds);
        long[] latency = new long[total];
        Arrays.fill(latency, UNANSWERED);
        var inFlight = new AtomicInteger();
        var matched = new AtomicLong[patterns.size()];
        for (int p = 0; p < matched.length; p++) {
            matched[p] = new AtomicLong();
        }
        var pending = new AtomicInteger(total);

        long start = System.nanoTime() + 50_000_000;
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                pending.decrementAndGet();
                continue;
            }
            inFlight.incrementAndGet();
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(template.replace("{n}", nonce + String.format("%09d", i)))).build();
            final int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                inFlight.decrementAndGet();
                if (failure != null) {
                    latency[index] = ERROR;
                } else if (response.statusCode() / 100 != 2) {
                    latency[index] = NON_2XX;
                } else {
                    latency[index] = now - intended;
                    if (index >= warmupCount) {
                        for (int p = 0; p < patterns.size(); p++) {
                            if (patterns.get(p).matcher(response.body()).find()) {
                                matched[p].incrementAndGet();
                            }
                        }
                    }
                }
                pending.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int measuredCount = total - warmupCount;
        long[] measured = Arrays.stream(latency, warmupCount, total).filter(l -> l >= 0).sorted().toArray();
        long non2xx = Arrays.stream(latency, warmupCount, total).filter(l -> l == NON_2XX).count();
        long errors = Arrays.stream(latency, warmupCount, total).filter(l -> l == ERROR).count();
        long unanswered = Arrays.stream(latency, warmupCount, total).filter(l -> l == UNANSWERED).count();
        int ok = measured.length;
        System.out.printf("OL label=%s rate=%.1f seconds=%d scheduled=%d ok=%d non2xx=%d errors=%d skipped_or_unanswered=%d"
                + " p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d%n",
                label, rate, seconds, measuredCount, ok, non2xx, errors, unanswered,
                pct(measured, .50), pct(measured, .90), pct(measured, .99), pct(measured, .999),
                ok == 0 ? -1 : measured[ok - 1] / 1000);
        for (int p = 0; p < patterns.size(); p++) {
            System.out.printf("OL_CHECK %s in %d of %d 2xx answers%n", expects.get(p), matched[p].get(), ok);
        }
        System.exit(0);
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1000;
    }
}
