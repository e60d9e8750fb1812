package org.mhconnect.journal.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.mhconnect.journal.checkin.CheckInScores;
import org.mhconnect.journal.checkin.CheckIns;
import org.mhconnect.journal.entry.EntryView;
import org.mhconnect.journal.entry.JournalReading;
import org.mhconnect.journal.practice.PracticeCompletions;
import org.mhconnect.journal.safety.SafetyPlans;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Export as JSON or Markdown; {@link JournalImport} reads the JSON back. */
@Component
class JournalTransfer {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmm");

    private final JournalReading journal;
    private final CheckIns checkIns;
    private final PracticeCompletions practiceCompletions;
    private final SafetyPlans safetyPlans;
    private final JsonMapper json;
    private final Clock clock;

    JournalTransfer(JournalReading journal, CheckIns checkIns, PracticeCompletions practiceCompletions,
            SafetyPlans safetyPlans, JsonMapper json, Clock clock) {
        this.journal = journal;
        this.checkIns = checkIns;
        this.practiceCompletions = practiceCompletions;
        this.safetyPlans = safetyPlans;
        this.json = json;
        this.clock = clock;
    }

    /** Streams the JSON export, one entry at a time, so a long journal never sits in memory whole. */
    void writeJson(String userId, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeName("format");
            generator.writeString(JournalExport.FORMAT);
            generator.writeName("version");
            generator.writeNumber(JournalExport.VERSION);
            generator.writeName("exportedAt");
            generator.writePOJO(clock.instant());
            generator.writeName("entries");
            generator.writeStartArray();
            journal.forEachEntry(userId, entry -> generator.writePOJO(exportedEntry(entry)));
            generator.writeEndArray();
            generator.writeName("checkIns");
            generator.writeStartArray();
            for (CheckIns.Stored checkIn : checkIns.history(userId).reversed()) {
                generator.writePOJO(exported(checkIn));
            }
            generator.writeEndArray();
            generator.writeName("practiceCompletions");
            generator.writeStartArray();
            for (PracticeCompletions.Completion completion : practiceCompletions.of(userId).reversed()) {
                generator.writePOJO(exported(completion));
            }
            generator.writeEndArray();
            Optional<SafetyPlans.Stored> plan = safetyPlans.find(userId);
            if (plan.isPresent()) {
                generator.writeName("safetyPlan");
                generator.writePOJO(plan.get().plan());
            }
            generator.writeEndObject();
        }
    }

    /**
     * Streams a zip: a Markdown file per entry under {@code entries/yyyy/}, plus {@code check-ins.md},
     * {@code practices.md}, and {@code safety-plan.md} when the person has made one.
     */
    void writeMarkdownZip(String userId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("README.md"));
        zip.write(("# My journal\n\nExported from Mental Health Connect on " + clock.instant()
                + ".\n\nOne file per entry, oldest first; check-ins are in `check-ins.md`, the practices you finished in"
                + " `practices.md`, and your safety plan, if you made one, in `safety-plan.md`.\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        try {
            journal.forEachEntry(userId, entry -> {
                try {
                    zip.putNextEntry(new ZipEntry("entries/" + entry.localDateTime().getYear() + "/"
                            + FILE_TIME.format(entry.localDateTime()) + "-" + entry.id().substring(0, 8) + ".md"));
                    zip.write(MarkdownExport.entry(entry).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
        zip.putNextEntry(new ZipEntry("check-ins.md"));
        zip.write(MarkdownExport.checkIns(checkIns.history(userId).reversed()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("practices.md"));
        zip.write(MarkdownExport.practiceCompletions(practiceCompletions.of(userId).reversed())
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        Optional<SafetyPlans.Stored> plan = safetyPlans.find(userId);
        if (plan.isPresent()) {
            zip.putNextEntry(new ZipEntry("safety-plan.md"));
            zip.write(SafetyPlanMarkdown.of(plan.get().plan()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static JournalExport.Entry exportedEntry(EntryView entry) {
        return new JournalExport.Entry(entry.id(), entry.localDateTime(), entry.timeZone(), entry.title(), entry.body(),
                entry.mood(), entry.emotions(), entry.tags(), entry.practiceId(), entry.reframe(), entry.createdAt(),
                entry.updatedAt());
    }

    private static JournalExport.CheckIn exported(CheckIns.Stored checkIn) {
        CheckInScores scores = CheckInScores.of(checkIn.answers());
        return new JournalExport.CheckIn(checkIn.id(), checkIn.takenAt(), checkIn.localDate(), checkIn.answers(),
                scores.total(), scores.subscales());
    }

    private static JournalExport.PracticeCompletion exported(PracticeCompletions.Completion completion) {
        return new JournalExport.PracticeCompletion(completion.id(), completion.slug(), completion.title(),
                completion.completedAt(), completion.timeZone(), completion.localDate());
    }
}
