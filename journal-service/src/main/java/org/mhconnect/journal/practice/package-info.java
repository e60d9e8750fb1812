/**
 * Practices a person completed in the library's guided player: which practice (its slug and title), when, and the
 * person's local day. One document per person, exported with the journal and erased with the account. Insights and
 * the export read them through {@link org.mhconnect.journal.practice.PracticeCompletions}, the one type other
 * features use.
 */
package org.mhconnect.journal.practice;
