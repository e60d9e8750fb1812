/**
 * The personal safety plan, on the Stanley–Brown model: warning signs, what I can do on my own, people and places
 * that help, people I can ask, professionals and helplines, and making my surroundings safer. One plan per person,
 * sealed under their data key like an entry, exported with the journal and erased with the account.
 * {@link org.mhconnect.journal.safety.SafetyPlans} is the one type other features use.
 */
package org.mhconnect.journal.safety;
