/**
 * The weekly digest of new library items, for people who opt in ({@code weeklyDigest} in their preferences).
 *
 * <p>Three small collections, each read by {@code _id}: {@code digest_items} holds the last hundred items from
 * {@code mhc.content} in one document, {@code digest_subscribers} the ids of everyone who opted in in one document,
 * and {@code digests_sent} one claim {@code <userId>/<yyyy>-W<ww>} per person and ISO week. Every quarter hour the job
 * looks for subscribers whose local time is Monday between 09:00 and 10:00; the first instance to insert a person's
 * claim for the week sends their e-mail, so each person gets at most one a week however many instances run.
 */
package org.mhconnect.reminder.digest;
