package org.mhconnect.journal.entry;

import java.util.List;

/**
 * One page of entries, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
record EntryPage(List<EntryView> items, String nextCursor) {
}
