package org.mhconnect.content.editor;

import java.time.Instant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Publish now (no {@code at}, or a time already past) or at a scheduled time.
 *
 * @param version the version the editor read
 */
record PublishRequest(@NotNull @Min(0) Long version, Instant at) {
}
