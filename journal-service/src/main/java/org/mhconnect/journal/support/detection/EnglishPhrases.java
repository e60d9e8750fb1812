package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English phrase tables of {@link EnglishCrisisRules}, read from {@code crisis/rules/en-phrases.txt}: building
 * blocks ({@code define NAME = regex}, used as {@code {NAME}}) and, under {@code [SIGNAL]}, one regular expression per
 * phrase. The file is part of the service; a malformed one stops the start, never a running detector.
 */
final class EnglishPhrases {

    static final String RESOURCE = "crisis/rules/en-phrases.txt";

    private static final Pattern DEFINE = Pattern.compile("define ([A-Z_]+) = (.+)");
    private static final Pattern SECTION = Pattern.compile("\\[([A-Z_]+)]");
    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Z_]+)}");

    private EnglishPhrases() {
    }

    /** Every signal with its phrases, in the file's order. */
    static Map<CrisisSignal, List<Phrase>> load() {
        String text = new String(DataFiles.bytes(RESOURCE), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> blocks = new LinkedHashMap<>();
        Map<CrisisSignal, List<Phrase>> phrases = new EnumMap<>(CrisisSignal.class);
        List<Phrase> current = null;
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher define = DEFINE.matcher(line);
            Matcher section = SECTION.matcher(line);
            if (define.matches()) {
                blocks.put(define.group(1), expand(define.group(2), blocks, number));
            }
            else if (section.matches()) {
                current = phrases.computeIfAbsent(CrisisSignal.valueOf(section.group(1)), signal -> new ArrayList<>());
            }
            else if (current == null) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": a phrase before any [SIGNAL]");
            }
            else {
                current.add(Phrase.of(expand(line, blocks, number)));
            }
        }
        phrases.replaceAll((signal, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(phrases);
    }

    private static String expand(String regex, Map<String, String> blocks, int line) {
        return REFERENCE.matcher(regex).replaceAll(reference -> {
            String block = blocks.get(reference.group(1));
            if (block == null) {
                throw new IllegalStateException(RESOURCE + ":" + line + ": {" + reference.group(1) + "} is not defined above");
            }
            return Matcher.quoteReplacement(block);
        });
    }

    /** One phrase; {@code marksCore} when its pattern has a group named "core". */
    record Phrase(Pattern pattern, boolean marksCore) {

        static Phrase of(String regex) {
            return new Phrase(Pattern.compile(regex), regex.contains("(?<core>"));
        }

        /** Where negations are looked for: before the core words, or before the whole match. */
        int coreStart(Matcher match) {
            if (marksCore) {
                int start = match.start("core");
                if (start >= 0) {
                    return start;
                }
            }
            return match.start();
        }
    }
}
