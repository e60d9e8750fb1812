/**
 * What a person can expect of their reminders: the preferences and journaled days that the API's coming occurrences
 * are read against ({@link org.mhconnect.reminder.definition.SkipOutlook}), so that reminder definitions depend on
 * neither preferences nor journaling.
 */
package org.mhconnect.reminder.outlook;
