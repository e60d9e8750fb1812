package org.mhconnect.content.editor;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.mhconnect.content.library.ContentItemDocument;
import org.mhconnect.content.library.ContentType;
import org.mhconnect.content.rendering.MarkdownRenderer;

/** What an editor's draft becomes in an item: checked, with its slug, summary, author, steps and minutes. */
final class Drafts {

    static final String DEFAULT_AUTHOR = "The Mental Health Connect team";
    private static final int WORDS_PER_MINUTE = 200;

    private Drafts() {
    }

    /** What the annotations on {@link ItemDraft} cannot say. */
    static void check(ItemDraft draft) {
        int bytes = draft.body().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MarkdownRenderer.MAX_MARKDOWN_BYTES) {
            throw EditorProblemsException.bodyTooLong(bytes);
        }
        if (type(draft) == ContentType.PRACTICE && draft.stepsOrEmpty().isEmpty()) {
            throw EditorProblemsException.invalid("A practice needs at least one step to follow.");
        }
        if (type(draft) == ContentType.ARTICLE && !draft.stepsOrEmpty().isEmpty()) {
            throw EditorProblemsException.invalid("An article has no steps; make it a practice, or leave 'steps' out.");
        }
    }

    static ContentType type(ItemDraft draft) {
        return ContentType.valueOf(draft.type().toUpperCase(Locale.ROOT));
    }

    static String summary(ItemDraft draft) {
        return draft.summary() == null ? "" : draft.summary().strip();
    }

    static String author(ItemDraft draft) {
        return draft.author() == null || draft.author().isBlank() ? DEFAULT_AUTHOR : draft.author().strip();
    }

    static List<ContentItemDocument.Step> steps(ItemDraft draft) {
        return draft.stepsOrEmpty().stream().map(step -> new ContentItemDocument.Step(step.text().strip(), step.seconds())).toList();
    }

    /** Reading time for an article, the timers added up for a practice, unless the editor says otherwise. */
    static int minutes(ItemDraft draft) {
        if (draft.minutes() != null) {
            return draft.minutes();
        }
        if (type(draft) == ContentType.PRACTICE) {
            int seconds = draft.stepsOrEmpty().stream().mapToInt(step -> step.seconds() == null ? 0 : step.seconds()).sum();
            return Math.max(1, Math.min(240, (seconds + 59) / 60));
        }
        String text = draft.body().strip();
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return Math.max(1, Math.min(240, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE));
    }

    /** "Be kind to yourself: a 5-minute break" becomes {@code be-kind-to-yourself-a-5-minute-break}. */
    static String slugOf(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw EditorProblemsException.invalid("Give the item a slug: its title has no letters or digits to make one from.");
        }
        return slug;
    }
}
