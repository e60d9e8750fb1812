import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Searches the library at a fixed rate, the way wrk2 does it: request i is due at start + i / rate, whether or not
 * earlier answers have come back (an open model), and its latency counts from when it was due. A slow answer
 * therefore shows in the percentiles instead of quietly slowing the sender down ("coordinated omission").
 *
 * <pre>java bench/FixedRateSearch.java http://localhost:8081 [rate=200] [seconds=30] [warm-up seconds=30] [rounds=3]</pre>
 *
 * Queries come round from 360 combinations of the library's words, with typos, filters and second pages. After the
 * warm-up (the JIT compiles the service's hot paths), prints one line per measured round:
 * {@code RESULT rate=… rps=… p50_ms=… p99_ms=… p999_ms=… max_ms=… errors=… requests=…}.
 */
public class FixedRateSearch {

    static final String[] WORDS = {"kindness", "inner", "critic", "breathing", "compassion", "body", "scan", "sleep",
            "lonely", "support", "gentle", "friend", "letter", "mindful", "rest", "shame", "mistake", "worry", "calm",
            "habit", "self", "care", "perfect", "talk", "moment", "walk", "evening", "morning", "tired", "anxious"};
    static final String[] TYPOS = {"compasion", "mindfull", "kindnes", "breathng", "lonley", "critc"};
    static final String[] FILTERS = {"", "", "&type=practice", "&type=article", "&maxMinutes=10", "&habit=mindfulness",
            "&page=1", "&habit=self-care", "&topic=rest", ""};

    static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (int i = 1; i <= 360; i++) {
            String word = i % 9 == 0 ? TYPOS[(i / 9) % TYPOS.length] : WORDS[(i * 7) % WORDS.length];
            String second = i % 3 == 0 ? "%20" + WORDS[(i * 11) % WORDS.length] : "";
            queries.add("/api/content/search?q=" + word + second + FILTERS[i % FILTERS.length]);
        }
        return queries;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> queries = queries();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            run(http, senders, base, queries, rate, warmUp, 0);
            for (int round = 1; round <= rounds; round++) {
                System.out.println(run(http, senders, base, queries, rate, seconds, round * 97));
            }
        }
    }

    record Result(double rate, double rps, double p50, double p99, double p999, double max, int errors, int requests) {
        @Override
        public String toString() {
            return String.format("RESULT rate=%.0f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%d requests=%d",
                    rate, rps, p50, p99, p999, max, errors, requests);
        }
    }

    static Result run(HttpClient http, ExecutorService senders, String base, List<String> queries, double rate,
            int seconds, int offset) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long period = Math.round(1_000_000_000d / rate);
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            URI uri = URI.create(base + queries.get((offset + i) % queries.size()));
            senders.submit(() -> {
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                catch (Exception ex) {
                    errors.incrementAndGet();
                }
                finally {
                    latencies[n] = System.nanoTime() - due;
                    done.countDown();
                }
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(rate, total / elapsed, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6, errors.get(), total);
    }

    static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
