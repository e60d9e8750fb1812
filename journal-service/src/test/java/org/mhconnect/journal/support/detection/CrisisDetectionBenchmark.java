package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long the detector takes for one entry of 1 to 20 sentences, run by {@code bench/crisis-detection.sh cost}.
 * Entries are built from the evaluation set's sentences, most of them ordinary (the share of crisis sentences is
 * printed), in a fixed pseudo-random order; the first rounds warm the JIT and are not counted.
 */
public final class CrisisDetectionBenchmark {

    private CrisisDetectionBenchmark() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<LabelledCorpus.Example> examples = LabelledCorpus.read(LabelledCorpus.EVALUATION).stream()
                .filter(e -> e.language().equals("en")).toList();
        List<String> ordinary = examples.stream().filter(e -> e.label().equals(LabelledCorpus.NONE))
                .map(LabelledCorpus.Example::text).toList();
        List<String> crisis = examples.stream().filter(e -> !e.label().equals(LabelledCorpus.NONE))
                .map(LabelledCorpus.Example::text).toList();
        Random random = new Random(42);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        try (CrisisDetector detector = CrisisDetector.load()) {
            for (int sentences : new int[] {1, 5, 10, 20}) {
                long[] nanos = new long[entries];
                int warmUp = entries / 4;
                for (int i = -warmUp; i < entries; i++) {
                    List<String> entry = new ArrayList<>();
                    for (int s = 0; s < sentences; s++) {
                        entry.add(random.nextInt(10) == 0 ? crisis.get(random.nextInt(crisis.size()))
                                : ordinary.get(random.nextInt(ordinary.size())));
                    }
                    String text = String.join(" ", entry);
                    long start = System.nanoTime();
                    detector.assess(text);
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "%2d sentences: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d entries, "
                        + "1 in 10 sentences from the crisis set)%n", sentences, nanos[entries / 2] / 1e6,
                        nanos[(int) (entries * 0.99)] / 1e6, nanos[entries - 1] / 1e6, entries);
            }
        }
    }
}
