package org.mhconnect.content.editor;

import org.mhconnect.problems.text.MultiLine;
import jakarta.validation.constraints.NotNull;

/** Markdown to render the way readers will see it. */
record PreviewRequest(@NotNull @MultiLine String body) {
}
