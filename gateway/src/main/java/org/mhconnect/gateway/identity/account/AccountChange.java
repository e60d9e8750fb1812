package org.mhconnect.gateway.identity.account;

/**
 * The account change a staged event describes, as the outbox keeps it in the event's {@code aggregateId}: whose
 * account, and the version the account has once the change is written ({@code <userId>#<version>}), or a deletion
 * ({@code <userId>#deletion}). Every write of an account raises its version by one (optimistic locking), so the
 * relay can tell a written change from one that never happened by reading the account by id alone.
 *
 * @param userId  whose account
 * @param version the account's version once the change is written; {@code -1} for a deletion request
 */
record AccountChange(String userId, long version) {

    private static final String DELETION = "deletion";

    /** The change that writes {@code account}: an insert (no version yet) makes version 0, a save one more. */
    static AccountChange writing(AccountDocument account) {
        return new AccountChange(account.id(), account.version() == null ? 0 : account.version() + 1);
    }

    static AccountChange deletion(String userId) {
        return new AccountChange(userId, -1);
    }

    static AccountChange parse(String aggregateId) {
        int hash = aggregateId.lastIndexOf('#');
        String userId = aggregateId.substring(0, hash);
        String version = aggregateId.substring(hash + 1);
        return DELETION.equals(version) ? deletion(userId) : new AccountChange(userId, Long.parseLong(version));
    }

    String aggregateId() {
        return userId + "#" + (version < 0 ? DELETION : Long.toString(version));
    }

    /**
     * Whether the account as stored now has this change: a deletion request once the account is marked for deletion
     * (or already gone), any other change once the account reached its version. A later change also counts: its own
     * event follows this one, in order, so consumers end with the account as it is.
     */
    boolean written(AccountDocument stored) {
        if (version < 0) {
            return stored == null || stored.pendingDeletion();
        }
        return stored != null && (stored.version() == null ? 0 : stored.version()) >= version;
    }
}
