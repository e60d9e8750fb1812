package org.mhconnect.journal.support;

/** A kind of crisis language that {@link CrisisDetector} can spot in a journal entry. */
public enum CrisisSignal {

    /** Thoughts of suicide or of not wanting to be alive: "I want to die", "no reason to live". */
    SUICIDAL_THOUGHTS,

    /** Hurting oneself on purpose: "I cut myself again", "the urge to self-harm". */
    SELF_HARM,

    /** Being hurt, threatened or controlled by someone close: "he hits me", "I'm not safe at home". */
    ABUSE
}
