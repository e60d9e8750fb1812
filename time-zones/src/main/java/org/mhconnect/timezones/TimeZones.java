package org.mhconnect.timezones;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one rule for a person's time zone, everywhere in the system: an IANA region id that this JVM knows, such as
 * {@code Europe/Berlin}, under its current name. A legacy name ({@code Europe/Kiev}, {@code Asia/Calcutta},
 * {@code US/Eastern}) is accepted and becomes the current one ({@code Europe/Kyiv}, {@code Asia/Kolkata},
 * {@code America/New_York}), from the tz database's own links ({@code links.tsv}). Fixed offsets such as
 * {@code +02:00} or {@code UTC+2} are refused: they would ignore daylight saving. Surrounding spaces are ignored; case
 * is not, as in the tz database.
 */
public final class TimeZones {

    private static final Set<String> KNOWN = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final Map<String, String> CURRENT_NAME_OF = links();

    private TimeZones() {
    }

    /** The zone's current name; empty for null, blank, unknown ids and fixed offsets. */
    public static Optional<String> canonical(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String name = id.strip();
        if (!KNOWN.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(CURRENT_NAME_OF.getOrDefault(name, name));
    }

    /** The zone under its current name; empty where {@link #canonical} is. */
    public static Optional<ZoneId> region(String id) {
        return canonical(id).map(ZoneId::of);
    }

    /** Whether the id is a region this rule accepts. */
    public static boolean known(String id) {
        return canonical(id).isPresent();
    }

    /**
     * Every zone a person can choose, by its current name only, sorted: the JVM's region ids of the form
     * {@code Area/Place} that are not legacy names, and {@code UTC}. {@code Etc/GMT+2} and the old bare names such as
     * {@code CET} or {@code EST5EDT} are left out: people pick a place, not an offset. A picker offers these, so that
     * what someone picks is stored exactly as they saw it.
     */
    public static SortedSet<String> currentNames() {
        SortedSet<String> names = new TreeSet<>();
        names.add("UTC");
        for (String id : KNOWN) {
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")
                    && !CURRENT_NAME_OF.containsKey(id)) {
                names.add(id);
            }
        }
        return names;
    }

    /** Every legacy name this JVM knows and the current name it stands for ({@code Europe/Kiev} → {@code Europe/Kyiv}). */
    public static Map<String, String> legacyNames() {
        return CURRENT_NAME_OF;
    }

    /**
     * For request records: the current name of a known zone, and anything else unchanged, so that validation
     * ({@link TimeZoneId}) can still say what was wrong with it.
     */
    public static String currentNameOrAsGiven(String id) {
        return canonical(id).orElse(id);
    }

    private static Map<String, String> links() {
        Map<String, String> links = new HashMap<>();
        try (InputStream in = TimeZones.class.getResourceAsStream("links.tsv")) {
            if (in == null) {
                throw new IllegalStateException("links.tsv is missing from the time-zones module");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] pair = line.split("\t");
                // A link counts only when the JVM knows both names: an older runtime simply keeps the old one.
                if (!line.startsWith("#") && pair.length == 2 && KNOWN.contains(pair[0]) && KNOWN.contains(pair[1])) {
                    links.put(pair[0], pair[1]);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Map.copyOf(links);
    }
}
