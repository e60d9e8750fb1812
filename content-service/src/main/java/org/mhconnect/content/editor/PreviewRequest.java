package org.mhconnect.content.editor;

import jakarta.validation.constraints.NotNull;

/** Markdown to render the way readers will see it. */
record PreviewRequest(@NotNull String body) {
}
