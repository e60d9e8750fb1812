package org.mhconnect.journal.entry;

import org.mhconnect.problems.text.MultiLine;
import jakarta.validation.constraints.Size;

/**
 * Answering the inner critic kindly.
 *
 * @param innerCritic   what my inner critic said
 * @param friend        what I would say to a friend in my place
 * @param kinderView    a kinder way to see it
 */
public record Reframe(@Size(max = 2_000) @MultiLine String innerCritic, @Size(max = 2_000) @MultiLine String friend,
        @Size(max = 2_000) @MultiLine String kinderView) {
}
