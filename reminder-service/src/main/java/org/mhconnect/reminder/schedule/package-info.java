/**
 * When reminders fire, as plain Java: no Spring, no MongoDB. A {@link org.mhconnect.reminder.schedule.Schedule} is an
 * RFC 5545 RRULE, a local start date-time and an IANA time zone; {@link org.mhconnect.reminder.schedule.Occurrences}
 * turns it into instants by the product's time rules (a time in a spring-forward gap fires later by the length of the
 * gap, a time in a fall-back overlap fires once at the earlier instant, nothing fires early);
 * {@link org.mhconnect.reminder.schedule.FriendlySchedule} is the "these times, on these days" form of a schedule.
 * The recurrence maths is lib-recur's; this package only maps its local date-times to instants with {@code java.time}.
 */
package org.mhconnect.reminder.schedule;
