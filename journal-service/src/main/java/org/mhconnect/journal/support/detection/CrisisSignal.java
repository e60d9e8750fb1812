package org.mhconnect.journal.support.detection;

/** A kind of crisis language that {@link CrisisDetector} can spot in a journal entry. */
public enum CrisisSignal {

    /** Thoughts of suicide or of not wanting to be alive, from a passive wish to plans, means and attempts. */
    SUICIDAL_THOUGHTS,

    /** Hurting oneself on purpose, by any method, now or in the past, and strong urges to. */
    SELF_HARM,

    /** Being hurt, threatened, sexually abused or controlled by someone close, or not being safe at home. */
    ABUSE
}
