package org.mhconnect.content.editor;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.mhconnect.content.library.ContentItemDocument;
import org.mhconnect.content.library.ContentItemDocument.ContentStatus;
import org.mhconnect.content.rendering.MarkdownRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The editor's desk: every endpoint needs role EDITOR, and nothing here is cached. */
@RestController
@RequestMapping("/api/content/editor")
class EditorController {

    private static final String SLUG = "[a-z0-9][a-z0-9-]{0,79}";

    private final Editing editing;
    private final MarkdownRenderer markdown;

    EditorController(Editing editing, MarkdownRenderer markdown) {
        this.editing = editing;
        this.markdown = markdown;
    }

    /** Every item in any state, most recently changed first; optionally only one state. */
    @GetMapping("/items")
    ResponseEntity<EditorItemView.Lines> list(Authentication caller,
            @RequestParam(required = false) @Pattern(regexp = "draft|scheduled|published|withdrawn",
                    message = "must be draft, scheduled, published or withdrawn") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        editor(caller);
        List<ContentItemDocument> all = editing.all(status == null ? null : ContentStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        List<EditorItemView.Line> lines = all.stream().skip((long) page * size).limit(size).map(EditorItemView.Line::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new EditorItemView.Lines(lines, page, size, all.size()));
    }

    @PostMapping("/items")
    ResponseEntity<EditorItemView> create(Authentication caller, @Valid @RequestBody ItemDraft draft) {
        String editor = editor(caller);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(view(editing.create(draft, editor)));
    }

    @GetMapping("/items/{slug}")
    ResponseEntity<EditorItemView> get(Authentication caller,
            @PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug) {
        editor(caller);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(editing.get(slug)));
    }

    @PutMapping("/items/{slug}")
    ResponseEntity<EditorItemView> update(Authentication caller,
            @PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug,
            @Valid @RequestBody ItemDraft draft) {
        String editor = editor(caller);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(editing.update(slug, draft, editor)));
    }

    /** Publishes now, or at {@code at} when that is in the future. */
    @PostMapping("/items/{slug}/publish")
    ResponseEntity<EditorItemView> publish(Authentication caller,
            @PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug,
            @Valid @RequestBody PublishRequest request) {
        String editor = editor(caller);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(editing.publish(slug, request, editor)));
    }

    @PostMapping("/items/{slug}/withdraw")
    ResponseEntity<EditorItemView> withdraw(Authentication caller,
            @PathVariable @Pattern(regexp = SLUG, message = "must be an item slug") String slug,
            @Valid @RequestBody VersionRequest request) {
        String editor = editor(caller);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(editing.withdraw(slug, request, editor)));
    }

    /** Renders Markdown exactly as readers will see it; nothing is stored. */
    @PostMapping("/preview")
    ResponseEntity<Preview> preview(Authentication caller, @Valid @RequestBody PreviewRequest request) {
        editor(caller);
        int bytes = request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MarkdownRenderer.MAX_MARKDOWN_BYTES) {
            throw EditorProblemsException.bodyTooLong(bytes);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Preview(markdown.toSafeHtml(request.body())));
    }

    record Preview(String bodyHtml) {
    }

    private EditorItemView view(ContentItemDocument item) {
        return EditorItemView.of(item, markdown.toSafeHtml(item.body()));
    }

    /** The caller's id, when the caller is an editor; 403 otherwise. */
    private static String editor(Authentication caller) {
        boolean editor = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_EDITOR".equals(authority.getAuthority()));
        if (!editor) {
            throw EditorProblemsException.notAnEditor();
        }
        return caller.getName();
    }
}
