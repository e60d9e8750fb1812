package org.mhconnect.journal.transfer;

import java.io.InputStream;
import java.util.Set;

import org.mhconnect.journal.safety.SafetyPlan;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON export as a stream, handing over one entry, check-in or practice completion at a time, so that no
 * more than one of them is ever in memory. Parser messages are not passed on: they can quote the body.
 */
final class ExportReader {

    /** What is done with each part of the export, in the order the document has them; the format comes last. */
    interface Visitor {

        /** Called once the whole document was read, with its {@code format} and {@code version}. */
        void format(String format, int version);

        void entry(int index, JournalExport.Entry entry);

        void checkIn(int index, JournalExport.CheckIn checkIn);

        void practiceCompletion(int index, JournalExport.PracticeCompletion completion);

        void safetyPlan(SafetyPlan plan);
    }

    private static final Set<String> FIELDS = Set.of("format", "version", "exportedAt", "entries", "checkIns",
            "practiceCompletions", "safetyPlan");

    private final JsonMapper json;
    private final ObjectReader entryReader;
    private final ObjectReader checkInReader;
    private final ObjectReader practiceCompletionReader;
    private final ObjectReader safetyPlanReader;

    ExportReader(JsonMapper json) {
        this.json = json;
        // One value at a time out of a longer document: what follows each value is the rest of the export.
        this.entryReader = json.readerFor(JournalExport.Entry.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.checkInReader = json.readerFor(JournalExport.CheckIn.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.practiceCompletionReader = json.readerFor(JournalExport.PracticeCompletion.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.safetyPlanReader = json.readerFor(SafetyPlan.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    void read(InputStream in, Visitor visitor) {
        String where = "the document";
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidImportException("The body must be a JSON export: an object with 'format', 'version' and 'entries'.");
            }
            String format = null;
            Integer version = null;
            boolean entries = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!FIELDS.contains(name)) {
                    throw new InvalidImportException("The export has a field that is not part of the format.");
                }
                where = "'" + name + "'";
                switch (name) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "version" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
                    case "exportedAt" -> parser.skipChildren();
                    case "entries" -> {
                        requireArray(value, name);
                        entries = true;
                        int index = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            where = "entries[" + index + "]";
                            visitor.entry(index++, entryReader.readValue(parser));
                        }
                    }
                    case "checkIns" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            requireArray(value, name);
                            int index = 0;
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                where = "checkIns[" + index + "]";
                                visitor.checkIn(index++, checkInReader.readValue(parser));
                            }
                        }
                    }
                    case "practiceCompletions" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            requireArray(value, name);
                            int index = 0;
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                where = "practiceCompletions[" + index + "]";
                                visitor.practiceCompletion(index++, practiceCompletionReader.readValue(parser));
                            }
                        }
                    }
                    case "safetyPlan" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            visitor.safetyPlan(safetyPlanReader.readValue(parser));
                        }
                    }
                    default -> throw new IllegalStateException("unreachable");
                }
                where = "the document";
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new InvalidImportException("The body must be one JSON export and nothing after it.");
            }
            if (format == null || version == null || !entries) {
                throw new InvalidImportException("An export has 'format', 'version' and 'entries'.");
            }
            visitor.format(format, version);
        }
        catch (StreamReadException ex) {
            String line = ex.getLocation() == null ? "" : ", line " + ex.getLocation().getLineNr();
            throw new InvalidImportException("The body is not well-formed JSON (at " + where + line + ").");
        }
        catch (JacksonException ex) {
            throw new InvalidImportException(where + " does not have the expected form.");
        }
    }

    private static void requireArray(JsonToken value, String name) {
        if (value != JsonToken.START_ARRAY) {
            throw new InvalidImportException("'" + name + "' must be a list.");
        }
    }
}
