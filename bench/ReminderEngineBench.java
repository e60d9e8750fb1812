import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.mhconnect.events.Topics;
import org.mhconnect.reminder.engine.EngineMetrics;
import org.mhconnect.reminder.engine.ReminderTopology;
import org.mhconnect.reminder.engine.ScheduleRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reminder engine under load: reminder-service's real Kafka Streams topology (RocksDB stores, changelogs,
 * exactly_once_v2, wall-clock punctuation) in this JVM, against a real broker (devstack, started by the script).
 *
 * 1. Load: 870,000 background reminders (daily, at random local times outside the test window) across 50 zones,
 *    then 30,000 "steady" ones (snoozed to one instant each, 500 a second for 60 s) and 100,000 "burst" ones (a
 *    daily rule whose occurrence is the same minute for all, in each reminder's own zone): 1,000,000 in all.
 * 2. Measure, with an in-process sink reading reminder.due (read_committed): lateness from due to emission (the
 *    event's occurredAt) and from due to arrival at the sink, p50/p99/max, for the steady phase and for the burst;
 *    the burst's drain time and rate; early emissions (must be 0); the process's RSS.
 */
public class ReminderEngineBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int PARTITIONS = Integer.getInteger("partitions", 3);
    static final int BACKGROUND = Integer.getInteger("background", 870_000);
    static final int STEADY = Integer.getInteger("steady", 30_000);
    static final int STEADY_RATE = Integer.getInteger("steadyRate", 500);
    static final int BURST = Integer.getInteger("burst", 100_000);
    static final int PER_USER = 5;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path stateDir = Files.createTempDirectory("engine-bench-");
        List<String> zones = fiftyZones();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.REMINDER_SCHEDULES, PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(Topics.REMINDERS_DUE, PARTITIONS, (short) 1))).all().get();
        }
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        ReminderTopology.build(builder, Duration.ofMillis(200), 5000, new EngineMetrics(meters));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reminder-engine-bench-" + System.nanoTime());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        KafkaStreams streams = new KafkaStreams(builder.build(), config);

        Sink sink = new Sink(bootstrap);
        Thread sinkThread = Thread.ofPlatform().name("sink").start(sink);
        streams.start();

        // Phase 1: the background load.
        Instant loadStart = Instant.now();
        Random random = new Random(42);
        int id = 0;
        for (; id < BACKGROUND; id++) {
            String zone = zones.get(id % zones.size());
            // A local time from 00:00 to 23:59 that is not within the coming three hours anywhere near the tests.
            LocalTime at = LocalTime.of(random.nextInt(24), random.nextInt(60));
            send(producer, id, zone, daily(at), List.of());
        }
        producer.flush();
        long background = awaitProcessed(streams, meters, BACKGROUND, Duration.ofMinutes(20));
        Duration backgroundLoad = Duration.between(loadStart, Instant.now());
        System.out.printf("loaded %,d background reminders in %.1f s (%.0f/s)%n", background, seconds(backgroundLoad),
                background / seconds(backgroundLoad));

        // Phase 2: the steady reminders (snoozed, 500 a second) and the burst (one minute for all).
        Instant steadyStart = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        Instant burstMinute = steadyStart.plusSeconds(STEADY / STEADY_RATE + 30).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant phase2 = Instant.now();
        for (int i = 0; i < STEADY; i++, id++) {
            String zone = zones.get(id % zones.size());
            Instant snooze = steadyStart.plusNanos(i * (1_000_000_000L / STEADY_RATE));
            send(producer, id, zone, daily(LocalTime.of(3, 33)), List.of(snooze));
        }
        for (int i = 0; i < BURST; i++, id++) {
            String zone = zones.get(id % zones.size());
            LocalTime local = burstMinute.atZone(ZoneId.of(zone)).toLocalTime();
            send(producer, id, zone, daily(local), List.of());
        }
        producer.flush();
        long all = awaitProcessed(streams, meters, BACKGROUND + STEADY + BURST, Duration.ofMinutes(10));
        Duration phase2Load = Duration.between(phase2, Instant.now());
        System.out.printf("loaded %,d more (steady and burst) in %.1f s; %,d reminders in all, loaded in %.1f s%n",
                STEADY + BURST, seconds(phase2Load), all, seconds(backgroundLoad.plus(phase2Load)));
        if (Instant.now().isAfter(steadyStart)) {
            System.out.println("WARNING: loading took longer than planned; the steady phase started before it was loaded");
        }

        sink.window(steadyStart, steadyStart.plusSeconds(STEADY / STEADY_RATE + 5), "steady", BACKGROUND, BACKGROUND + STEADY);
        sink.awaitCount("steady", STEADY, Duration.ofMinutes(5));
        sink.report("steady " + STEADY_RATE + "/s");

        sink.window(burstMinute, burstMinute.plusSeconds(59), "burst", BACKGROUND + STEADY, BACKGROUND + STEADY + BURST);
        sink.awaitCount("burst", BURST, Duration.ofMinutes(5));
        sink.report("burst of " + BURST + " at " + burstMinute);
        System.out.printf("early emissions: %d (must be 0)%n", sink.early.get());
        System.out.printf("RSS %d MiB, peak %d MiB (JVM heap max %d MiB)%n", rss("VmRSS"), rss("VmHWM"),
                Runtime.getRuntime().maxMemory() >> 20);
        streams.close(Duration.ofSeconds(10));
        sink.stop();
        sinkThread.join(10_000);
        producer.close();
        System.exit(0);
    }

    static void send(KafkaProducer<String, byte[]> producer, int n, String zone, String rrule, List<Instant> snoozes) {
        String user = "user-" + (n / PER_USER);
        String reminder = "reminder-" + n;
        // Counted from a recent start, as a reminder made in the last month would be.
        ScheduleRecord record = new ScheduleRecord(reminder, user, "custom", rrule, "2026-11-01T00:00", zone, 60, true,
                null, snoozes, null, null, null, null, null, 0);
        int partition = Utils.toPositive(Utils.murmur2(user.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
        producer.send(new ProducerRecord<>(Topics.REMINDER_SCHEDULES, partition, ScheduleRecord.key(user, reminder),
                JSON.writeValueAsBytes(record)));
    }

    static String daily(LocalTime at) {
        return "FREQ=DAILY;BYHOUR=" + at.getHour() + ";BYMINUTE=" + at.getMinute();
    }

    /** Waits until the engine has read this many schedule records (its consumer's committed position). */
    static long awaitProcessed(KafkaStreams streams, SimpleMeterRegistry meters, long expected, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            double consumed = streams.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("process-total") && e.getKey().group().equals("stream-thread-metrics"))
                    .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
            if (consumed >= expected) {
                return (long) consumed;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the engine did not read " + expected + " records in " + limit);
    }

    static List<String> fiftyZones() {
        List<String> zones = new ArrayList<>(List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                "Asia/Kathmandu", "Asia/Tokyo", "America/Sao_Paulo", "Australia/Sydney", "Europe/London", "Asia/Kolkata",
                "America/Los_Angeles", "Pacific/Auckland", "Africa/Johannesburg", "America/St_Johns", "Asia/Tehran",
                "Pacific/Chatham"));
        ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc") && !z.startsWith("SystemV"))
                .sorted().filter(z -> !zones.contains(z)).limit(50 - zones.size()).forEach(zones::add);
        return zones;
    }

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    static long rss(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    /** Reads reminder.due as a delivery would, and keeps the lateness of the occurrences in a window. */
    static final class Sink implements Runnable {

        private final KafkaConsumer<String, byte[]> consumer;
        private volatile boolean running = true;
        private volatile Instant from = Instant.MAX;
        private volatile Instant to = Instant.MAX;
        private volatile String name = "";
        final AtomicLong early = new AtomicLong();
        private final Map<String, List<long[]>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Instant> firstArrival = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Instant> lastArrival = new java.util.concurrent.ConcurrentHashMap<>();

        Sink(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-sink-" + System.nanoTime(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.REMINDERS_DUE));
        }

        private volatile int firstId;
        private volatile int endId;

        /** The occurrences of reminders {@code firstId} (inclusive) to {@code endId} due from {@code from} to {@code to}. */
        void window(Instant from, Instant to, String name, int firstId, int endId) {
            this.firstId = firstId;
            this.endId = endId;
            this.name = name;
            this.from = from;
            this.to = to;
            seen.putIfAbsent(name, java.util.Collections.synchronizedList(new ArrayList<>()));
        }

        @Override
        public void run() {
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    Instant arrived = Instant.now();
                    JsonNode due = JSON.readTree(record.value());
                    Instant fireAt = Instant.parse(due.get("fireAt").asString());
                    Instant emitted = Instant.parse(due.get("occurredAt").asString());
                    if (emitted.isBefore(fireAt)) {
                        early.incrementAndGet();
                    }
                    int n = Integer.parseInt(due.get("reminderId").asString().substring("reminder-".length()));
                    if (!fireAt.isBefore(from) && !fireAt.isAfter(to) && n >= firstId && n < endId) {
                        String window = name;
                        seen.get(window).add(new long[] {Duration.between(fireAt, emitted).toMillis(),
                                Duration.between(fireAt, arrived).toMillis()});
                        firstArrival.putIfAbsent(window, arrived);
                        lastArrival.put(window, arrived);
                    }
                }
            }
            consumer.close();
        }

        void awaitCount(String window, int count, Duration limit) throws InterruptedException {
            Instant deadline = Instant.now().plus(limit);
            while (seen.get(window).size() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        }

        void report(String label) {
            List<long[]> values;
            synchronized (seen.get(name)) {
                values = new ArrayList<>(seen.get(name));
            }
            long[] emitted = values.stream().mapToLong(v -> v[0]).sorted().toArray();
            long[] delivered = values.stream().mapToLong(v -> v[1]).sorted().toArray();
            double drain = Duration.between(from, lastArrival.getOrDefault(name, from)).toMillis() / 1000.0;
            System.out.printf("%s: %,d occurrences; drained %.1f s after due (%.0f/s)%n", label, values.size(), drain,
                    values.size() / Math.max(drain, 0.001));
            System.out.printf("  lateness due -> reminder.due emitted: p50 %d ms, p99 %d ms, max %d ms%n",
                    pct(emitted, 50), pct(emitted, 99), emitted.length == 0 ? -1 : emitted[emitted.length - 1]);
            System.out.printf("  lateness due -> delivered at the sink: p50 %d ms, p99 %d ms, max %d ms%n",
                    pct(delivered, 50), pct(delivered, 99), delivered.length == 0 ? -1 : delivered[delivered.length - 1]);
        }

        static long pct(long[] sorted, int p) {
            return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        void stop() {
            running = false;
        }
    }
}
