package org.mhconnect.content.editor;

import org.springframework.http.HttpStatus;

/** A request an editor can correct, with the status, title and plain-English detail of its problem. */
public class EditorProblemsException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    EditorProblemsException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    static EditorProblemsException notAnEditor() {
        return new EditorProblemsException(HttpStatus.FORBIDDEN, "Not allowed", "Only editors can change the library.");
    }

    static EditorProblemsException notFound() {
        return new EditorProblemsException(HttpStatus.NOT_FOUND, "Item not found", "There is no item with this slug.");
    }

    static EditorProblemsException slugTaken(String slug) {
        return new EditorProblemsException(HttpStatus.CONFLICT, "This slug is taken",
                "Another item already uses '" + slug + "'. Choose another slug.");
    }

    static EditorProblemsException bodyTooLong(int bytes) {
        return new EditorProblemsException(HttpStatus.CONTENT_TOO_LARGE, "The text is too long",
                "The body is " + (bytes + 1023) / 1024 + " KB; an item's body can be at most 100 KB.");
    }

    static EditorProblemsException invalid(String detail) {
        return new EditorProblemsException(HttpStatus.BAD_REQUEST, "The item needs another look", detail);
    }

    static EditorProblemsException wrongState(String detail) {
        return new EditorProblemsException(HttpStatus.CONFLICT, "Not possible in this state", detail);
    }
}
