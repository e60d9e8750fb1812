package org.mhconnect.gateway.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** How the relay tells a written account change from one that never happened, by reading the account by id alone. */
class AccountChangeTest {

    static AccountDocument account(Long version, Instant deletionRequestedAt) {
        return new AccountDocument("u1", "ada@example.org", "hash", "Ada", "Europe/Berlin", "en", Set.of(Role.USER),
                Instant.EPOCH, deletionRequestedAt, true, version);
    }

    @Test
    void aSignUpIsWrittenOnceTheAccountExists() {
        AccountChange signUp = AccountChange.writing(account(null, null));

        assertThat(signUp.aggregateId()).isEqualTo("u1#0");
        assertThat(signUp.written(null)).isFalse();
        assertThat(signUp.written(account(0L, null))).isTrue();
    }

    @Test
    void aSaveIsWrittenOnceTheAccountReachedTheVersionItGives() {
        AccountChange save = AccountChange.parse(AccountChange.writing(account(4L, null)).aggregateId());

        assertThat(save).isEqualTo(new AccountChange("u1", 5));
        assertThat(save.written(account(4L, null))).as("the save never happened").isFalse();
        assertThat(save.written(account(5L, null))).isTrue();
        assertThat(save.written(account(6L, null))).as("a later change, whose event follows").isTrue();
        assertThat(save.written(null)).isFalse();
    }

    @Test
    void aDeletionRequestIsWrittenOnceTheAccountIsMarkedOrGone() {
        AccountChange deletion = AccountChange.parse(AccountChange.deletion("u1").aggregateId());

        assertThat(deletion.aggregateId()).isEqualTo("u1#deletion");
        assertThat(deletion.written(account(3L, null))).isFalse();
        assertThat(deletion.written(account(4L, Instant.EPOCH))).isTrue();
        assertThat(deletion.written(null)).isTrue();
    }
}
