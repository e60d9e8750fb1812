package org.mhconnect.gateway.identity.web;

import org.springframework.http.HttpStatus;

/** An identity request that cannot be done, with words that are safe to show to the person. */
class IdentityException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    IdentityException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** The one answer for an unknown e-mail and a wrong password alike. */
    static IdentityException badCredentials() {
        return new IdentityException(HttpStatus.UNAUTHORIZED, "Could not sign you in",
                "The e-mail address or the password is not right.");
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
