package org.mhconnect.journal.support.detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the detector's data files from the class path: UTF-8, tab-separated, {@code #} starts a comment line. A file
 * that is missing or has a malformed row stops the service at start, never at an entry.
 */
final class DataFiles {

    private DataFiles() {
    }

    /** The rows of a tab-separated file, each with at least {@code columns} cells. */
    static List<List<String>> rows(String resource, int columns) {
        List<List<String>> rows = new ArrayList<>();
        int number = 0;
        for (String line : text(resource).split("\n")) {
            number++;
            String row = line.stripTrailing();
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.asList(row.split("\t", -1));
            if (cells.size() < columns) {
                throw new IllegalStateException(resource + " line " + number + " has " + cells.size()
                        + " cells, expected " + columns);
            }
            rows.add(cells);
        }
        return rows;
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of bytes, in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
