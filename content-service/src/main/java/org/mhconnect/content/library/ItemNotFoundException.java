package org.mhconnect.content.library;

/** No published item has this slug. Drafts and withdrawn items are reported the same way. */
public class ItemNotFoundException extends RuntimeException {

    ItemNotFoundException() {
        super("No such item");
    }
}
