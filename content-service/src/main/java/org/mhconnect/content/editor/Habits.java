package org.mhconnect.content.editor;

/** The five habits of self-compassion every item can serve. */
final class Habits {

    static final String PATTERN = "challenge-negative-self-talk|mindfulness|embrace-imperfection|self-care|seek-support";

    private Habits() {
    }
}
