package org.mhconnect.content.library;

import java.util.List;

/** One page of items, with what a client needs to page on. */
record ItemPage(List<ItemSummary> items, int page, int size, long total) {
}
