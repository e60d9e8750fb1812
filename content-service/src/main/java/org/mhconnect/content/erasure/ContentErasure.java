package org.mhconnect.content.erasure;

/** Removes everything of one kind that content-service holds for one person. */
public interface ContentErasure {

    /** Deletes the person's data of this kind and returns how many documents there were. */
    long eraseAllOf(String userId);
}
