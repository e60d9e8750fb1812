package org.mhconnect.journal.entry;

import java.util.List;

/** The words of an entry: sealed together under the writer's data key, never stored or logged in the clear. */
record PrivateFields(String title, String body, Reframe reframe, List<String> tags) {

    @Override
    public String toString() {
        return "PrivateFields[sealed]";
    }
}
