package org.mhconnect.journal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.mhconnect.journal.checkin.CheckInScores;
import org.mhconnect.journal.checkin.CheckIns;
import org.mhconnect.journal.checkin.InvalidCheckInException;
import org.mhconnect.journal.entry.EntryRequest;
import org.mhconnect.journal.entry.InvalidEntryException;
import org.mhconnect.journal.entry.Journal;
import org.mhconnect.journal.practice.InvalidCompletionException;
import org.mhconnect.journal.practice.PracticeCompletions;
import org.mhconnect.journal.safety.InvalidSafetyPlanException;
import org.mhconnect.journal.safety.SafetyPlan;
import org.mhconnect.journal.safety.SafetyPlans;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import of the JSON export, in two streaming passes over the received body: the first checks everything and writes
 * nothing, so one bad entry anywhere refuses the whole import with a 400 naming it; the second restores. What is
 * already there is skipped (see {@link Journal#restore}), so importing the same export again, into the same account
 * or another one, adds nothing, and an import cut short by a crash is completed by sending it again.
 */
@Component
class JournalImport {

    static final String OPERATION = "POST /api/journal/import";
    static final int MAX_ENTRIES = 100_000;
    static final int MAX_CHECK_INS = 10_000;
    static final int MAX_PRACTICE_COMPLETIONS = 10_000;

    /**
     * @param entriesSkipped entries that were already there (by id, or as this account's copy of another's entry)
     * @param practiceCompletionsImported 0 when absent: an answer remembered for an {@code Idempotency-Key} before
     *        completions were imported has no such count, and is still given again
     * @param safetyPlanImported whether the export's safety plan was restored; a plan the person has is kept
     */
    record ImportResult(int entriesImported, int entriesSkipped, int checkInsImported, int checkInsSkipped,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int practiceCompletionsImported,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int practiceCompletionsSkipped, boolean safetyPlanImported) {
    }

    private final Journal journal;
    private final CheckIns checkIns;
    private final PracticeCompletions practiceCompletions;
    private final SafetyPlans safetyPlans;
    private final Validator validator;
    private final ExportReader reader;

    JournalImport(Journal journal, CheckIns checkIns, PracticeCompletions practiceCompletions, SafetyPlans safetyPlans,
            JsonMapper json, Validator validator) {
        this.journal = journal;
        this.checkIns = checkIns;
        this.practiceCompletions = practiceCompletions;
        this.safetyPlans = safetyPlans;
        this.validator = validator;
        this.reader = new ExportReader(json);
    }

    /** Checks the whole export, then restores it. Nothing is written when anything is wrong. */
    ImportResult restore(String userId, ImportSpool body) {
        read(body, new Checks());
        Restore restore = new Restore(userId);
        read(body, restore);
        return new ImportResult(restore.entriesImported, restore.entries - restore.entriesImported,
                restore.checkInsImported, restore.checkIns - restore.checkInsImported, restore.practiceCompletionsImported,
                restore.practiceCompletions - restore.practiceCompletionsImported, restore.safetyPlanImported);
    }

    private void read(ImportSpool body, ExportReader.Visitor visitor) {
        try (InputStream in = body.open()) {
            reader.read(in, visitor);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static EntryRequest request(JournalExport.Entry entry) {
        return new EntryRequest(entry.localDateTime(), entry.timeZone(), entry.title(), entry.body(), entry.mood(),
                entry.emotions(), entry.tags(), entry.practiceId(), entry.reframe(), null);
    }

    private static PracticeCompletions.Completion restorable(JournalExport.PracticeCompletion completion) {
        return new PracticeCompletions.Completion(completion.id(), completion.slug(), completion.title().strip(),
                completion.completedAt(), completion.timeZone(), completion.localDate());
    }

    /** The first pass: every part checked exactly as a new one would be; the messages never quote the words. */
    private final class Checks implements ExportReader.Visitor {

        @Override
        public void format(String format, int version) {
            if (!JournalExport.FORMAT.equals(format)) {
                throw new InvalidImportException("'format' must be " + JournalExport.FORMAT + ".");
            }
            if (version != JournalExport.VERSION) {
                throw new InvalidImportException("This export has version " + version + "; version "
                        + JournalExport.VERSION + " can be imported.");
            }
        }

        @Override
        public void entry(int index, JournalExport.Entry entry) {
            String where = "entries[" + index + "]";
            if (index >= MAX_ENTRIES) {
                throw new InvalidImportException("An import can have up to " + MAX_ENTRIES + " entries.");
            }
            requireValid(where, entry);
            EntryRequest request = request(entry);
            requireValid(where, request);
            try {
                journal.check(request);
            }
            catch (InvalidEntryException ex) {
                throw new InvalidImportException(where + ": " + ex.getMessage());
            }
        }

        @Override
        public void checkIn(int index, JournalExport.CheckIn checkIn) {
            String where = "checkIns[" + index + "]";
            if (index >= MAX_CHECK_INS) {
                throw new InvalidImportException("An import can have up to " + MAX_CHECK_INS + " check-ins.");
            }
            requireValid(where, checkIn);
            try {
                CheckInScores.of(checkIn.answers());
            }
            catch (InvalidCheckInException ex) {
                throw new InvalidImportException(where + ": " + ex.getMessage());
            }
        }

        @Override
        public void practiceCompletion(int index, JournalExport.PracticeCompletion completion) {
            String where = "practiceCompletions[" + index + "]";
            if (index >= MAX_PRACTICE_COMPLETIONS) {
                throw new InvalidImportException("An import can have up to " + MAX_PRACTICE_COMPLETIONS
                        + " practice completions.");
            }
            requireValid(where, completion);
            try {
                practiceCompletions.check(restorable(completion));
            }
            catch (InvalidCompletionException ex) {
                throw new InvalidImportException(where + ": " + ex.getMessage());
            }
        }

        @Override
        public void safetyPlan(SafetyPlan plan) {
            try {
                safetyPlans.check(plan);
            }
            catch (InvalidSafetyPlanException ex) {
                throw new InvalidImportException("safetyPlan." + ex.getMessage());
            }
        }

        private <T> void requireValid(String where, T part) {
            if (part == null) {
                throw new InvalidImportException(where + " is missing.");
            }
            Set<ConstraintViolation<T>> violations = validator.validate(part);
            if (!violations.isEmpty()) {
                ConstraintViolation<T> first = violations.iterator().next();
                throw new InvalidImportException(where + "." + first.getPropertyPath() + " " + first.getMessage());
            }
        }
    }

    /** The second pass: restores what the first pass accepted, one part at a time. */
    private final class Restore implements ExportReader.Visitor {

        private final String userId;
        private int entries;
        private int entriesImported;
        private int checkIns;
        private int checkInsImported;
        private int practiceCompletions;
        private int practiceCompletionsImported;
        private boolean safetyPlanImported;

        Restore(String userId) {
            this.userId = userId;
        }

        @Override
        public void format(String format, int version) {
        }

        @Override
        public void entry(int index, JournalExport.Entry entry) {
            entries++;
            if (journal.restore(userId, entry.id(), request(entry), entry.createdAt())) {
                entriesImported++;
            }
        }

        @Override
        public void checkIn(int index, JournalExport.CheckIn checkIn) {
            checkIns++;
            if (JournalImport.this.checkIns.restore(userId, new CheckIns.Restorable(checkIn.id(), checkIn.takenAt(),
                    checkIn.localDate(), checkIn.answers()))) {
                checkInsImported++;
            }
        }

        @Override
        public void practiceCompletion(int index, JournalExport.PracticeCompletion completion) {
            practiceCompletions++;
            if (JournalImport.this.practiceCompletions.restore(userId, restorable(completion))) {
                practiceCompletionsImported++;
            }
        }

        @Override
        public void safetyPlan(SafetyPlan plan) {
            safetyPlanImported = safetyPlans.restore(userId, plan);
        }
    }
}
