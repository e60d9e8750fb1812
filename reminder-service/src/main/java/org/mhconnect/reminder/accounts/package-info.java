/** The account's events as reminder-service follows them: preferences kept in step, and erasure on deletion. */
package org.mhconnect.reminder.accounts;
