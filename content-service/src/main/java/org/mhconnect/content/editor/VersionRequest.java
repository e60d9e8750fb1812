package org.mhconnect.content.editor;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A change that needs nothing but the version the editor read (withdrawing). */
record VersionRequest(@NotNull @Min(0) Long version) {
}
