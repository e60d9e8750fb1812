package org.mhconnect.journal.transfer;

import java.util.List;

import org.mhconnect.journal.checkin.CheckInScores;
import org.mhconnect.journal.checkin.CheckIns;
import org.mhconnect.journal.entry.EntryView;
import org.mhconnect.journal.practice.PracticeCompletions;

/** Entries, check-ins and finished practices as Markdown files with a small front matter, readable in any editor. */
final class MarkdownExport {

    static String entry(EntryView entry) {
        StringBuilder md = new StringBuilder("---\n")
                .append("id: ").append(entry.id()).append('\n')
                .append("date: ").append(entry.localDateTime()).append('\n')
                .append("timeZone: ").append(entry.timeZone()).append('\n')
                .append(entry.mood() == null ? "" : "mood: " + entry.mood() + "\n")
                .append("emotions: [").append(String.join(", ", entry.emotions())).append("]\n")
                .append("tags: [").append(String.join(", ", entry.tags().stream().map(MarkdownExport::quoted).toList())).append("]\n");
        if (entry.practiceId() != null) {
            md.append("practice: ").append(entry.practiceId()).append('\n');
        }
        md.append("---\n\n");
        if (entry.title() != null && !entry.title().isBlank()) {
            md.append("# ").append(entry.title().strip()).append("\n\n");
        }
        md.append(entry.body().strip()).append('\n');
        if (entry.reframe() != null) {
            md.append("\n## Answering the inner critic\n");
            section(md, "What my inner critic said", entry.reframe().innerCritic());
            section(md, "What I would say to a friend", entry.reframe().friend());
            section(md, "A kinder way to see it", entry.reframe().kinderView());
        }
        return md.toString();
    }

    static String checkIns(List<CheckIns.Stored> oldestFirst) {
        StringBuilder md = new StringBuilder("# Self-compassion check-ins\n\n");
        if (oldestFirst.isEmpty()) {
            return md.append("No check-ins yet.\n").toString();
        }
        md.append("| day | total | band | answers |\n|---|---|---|---|\n");
        for (CheckIns.Stored checkIn : oldestFirst) {
            CheckInScores scores = CheckInScores.of(checkIn.answers());
            md.append("| ").append(checkIn.localDate()).append(" | ").append(scores.total()).append(" | ")
                    .append(scores.band().name().toLowerCase()).append(" | ").append(checkIn.answers()).append(" |\n");
        }
        return md.toString();
    }

    static String practiceCompletions(List<PracticeCompletions.Completion> oldestFirst) {
        StringBuilder md = new StringBuilder("# Practices finished\n\n");
        if (oldestFirst.isEmpty()) {
            return md.append("No practices finished in the player yet.\n").toString();
        }
        md.append("| day | practice | finished at | time zone |\n|---|---|---|---|\n");
        for (PracticeCompletions.Completion completion : oldestFirst) {
            md.append("| ").append(completion.localDate()).append(" | ").append(cell(completion.title()))
                    .append(" (`").append(completion.slug()).append("`) | ").append(completion.completedAt())
                    .append(" | ").append(completion.timeZone()).append(" |\n");
        }
        return md.toString();
    }

    /** A title is one line (checked when recorded); a pipe would end its cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static void section(StringBuilder md, String heading, String text) {
        if (text != null && !text.isBlank()) {
            md.append("\n### ").append(heading).append("\n\n").append(text.strip()).append('\n');
        }
    }

    private static String quoted(String tag) {
        return '"' + tag.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private MarkdownExport() {
    }
}
