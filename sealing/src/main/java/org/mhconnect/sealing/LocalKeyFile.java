package org.mhconnect.sealing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys for a machine that was given none (the embedded default): generated once into a properties file that only its
 * owner can read, outside the repository. The new file is written as a private draft and hard-linked into place, so
 * instances that share the folder and race to create it all end up with the first one's keys.
 */
public final class LocalKeyFile {

    private static final Logger log = LoggerFactory.getLogger(LocalKeyFile.class);

    private LocalKeyFile() {
    }

    /**
     * The file's properties, after writing {@code generate}'s into it if it did not exist yet.
     *
     * @param what what the file holds, for the log and errors ("gateway key-encryption key")
     */
    public static Properties loadOrCreate(Path file, String what, Supplier<Properties> generate) {
        try {
            if (!Files.exists(file)) {
                create(file, what, generate.get());
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            return stored;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The " + what + " file " + file + " could not be used", ex);
        }
    }

    /** One property of the file, which must be there. */
    public static String required(Properties stored, String property, Path file) {
        String value = stored.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("The key file " + file + " has no " + property);
        }
        return value;
    }

    private static void create(Path file, String what, Properties generated) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, file.getFileName().toString(), ".draft");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
            try (Writer out = Files.newBufferedWriter(draft)) {
                generated.store(out, what + " for this machine only; never commit this file");
            }
            Files.createLink(file, draft);
            log.warn("No {} was configured; generated one for this machine in {}", what, file.toAbsolutePath());
        }
        catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // The other instance's keys are the keys.
        }
        finally {
            Files.deleteIfExists(draft);
        }
    }
}
