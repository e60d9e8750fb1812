package org.mhconnect.gateway.identity.web;

import java.util.List;

import org.mhconnect.gateway.identity.account.AccountDocument;

/** An account as its owner sees it; never the password hash. {@code emailVerified}: the address is confirmed. */
record UserView(String id, String email, String displayName, String timeZone, String locale, List<String> roles,
        boolean emailVerified) {

    static UserView of(AccountDocument account) {
        return new UserView(account.id(), account.email(), account.displayName(), account.timeZone(), account.locale(),
                account.roles().stream().map(Enum::name).sorted().toList(), account.isEmailVerified());
    }
}
