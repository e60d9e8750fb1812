package org.mhconnect.journal.transfer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * A JSON export of many long entries, written as it is read, so that a test can send tens of megabytes without
 * holding them. Past the export, {@code padding} bytes of white space follow (still one JSON document).
 */
final class GeneratedExport extends InputStream {

    private final int entries;
    private final long padding;
    private final String words;
    private final LocalDateTime start = LocalDateTime.of(2024, 1, 1, 8, 0);
    private byte[] chunk;
    private int position;
    private int next;
    private long padded;

    GeneratedExport(int entries, int wordsPerEntry, long padding) {
        this.entries = entries;
        this.padding = padding;
        this.words = "quiet ".repeat(wordsPerEntry / 6);
        this.chunk = ("{\"format\":\"" + JournalExport.FORMAT + "\",\"version\":1,\"entries\":[").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == chunk.length && !refill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean refill() {
        position = 0;
        if (next < entries) {
            LocalDateTime at = start.plusHours(7L * next);
            chunk = ((next == 0 ? "" : ",") + "{\"id\":\"generated-" + next + "\",\"localDateTime\":\"" + at
                    + "\",\"timeZone\":\"Europe/Berlin\",\"body\":\"" + next + " " + words + "\",\"mood\":3}")
                    .getBytes(StandardCharsets.UTF_8);
            next++;
            return true;
        }
        if (next == entries) {
            chunk = "]}".getBytes(StandardCharsets.UTF_8);
            next++;
            return true;
        }
        if (padded < padding) {
            chunk = " ".repeat((int) Math.min(64 * 1024, padding - padded)).getBytes(StandardCharsets.UTF_8);
            padded += chunk.length;
            return true;
        }
        return false;
    }
}
