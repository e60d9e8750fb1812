package org.mhconnect.gateway.identity.account;

/** What an account may do. Everyone is a USER; editors write the library; admins run the platform. */
public enum Role {
    USER,
    EDITOR,
    ADMIN
}
