package org.mhconnect.gateway.identity.deletion;

import java.time.Instant;
import java.util.List;

/**
 * How far an account deletion has come.
 *
 * @param confirmed the services that have erased the person's data
 * @param pending   the services still to confirm
 * @param complete  true once every service has confirmed and the account itself is gone
 */
public record DeletionStatus(Instant requestedAt, List<String> confirmed, List<String> pending, boolean complete,
        Instant completedAt) {
}
