package org.mhconnect.journal.erasure;

/** The caller's account was deleted and their journal erased; their token has simply not expired yet. */
public class AccountErasedException extends RuntimeException {

    public AccountErasedException() {
        super("This account has been deleted");
    }
}
