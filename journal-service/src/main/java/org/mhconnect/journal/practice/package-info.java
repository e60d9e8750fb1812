/**
 * Practices a person completed in the library's guided player: which practice (its slug and title), when, and the
 * person's local day. One document per person, erased with the account. Insights read the days practised through
 * {@link org.mhconnect.journal.practice.PracticeCompletions}, the one type other features use.
 */
package org.mhconnect.journal.practice;
