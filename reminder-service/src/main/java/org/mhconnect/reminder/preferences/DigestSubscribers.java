package org.mhconnect.reminder.preferences;

/**
 * The people who asked for the weekly digest, kept where the digest job finds them all in one read (implemented in
 * the digest package). The list may hold someone who no longer wants it, never the other way round: a person is added
 * before their choice is saved and removed after, and the job reads each person's preferences before sending.
 */
public interface DigestSubscribers {

    void add(String userId);

    void remove(String userId);
}
