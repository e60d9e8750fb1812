package org.mhconnect.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileTest {

    @TempDir
    Path folder;

    static Properties newKey() {
        Properties generated = new Properties();
        generated.setProperty("key", AesKeys.newBase64());
        return generated;
    }

    @Test
    void theFirstUseGeneratesAKeyOnlyItsOwnerCanReadAndLaterUsesKeepIt() throws Exception {
        Path file = folder.resolve("keys/test.properties");

        String first = LocalKeyFile.loadOrCreate(file, "test key", LocalKeyFileTest::newKey).getProperty("key");
        String again = LocalKeyFile.loadOrCreate(file, "test key", LocalKeyFileTest::newKey).getProperty("key");

        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no draft is left behind").containsExactly(file);
        }
    }

    @Test
    void instancesRacingToCreateItAllEndUpWithOneKey() throws Exception {
        Path file = folder.resolve("shared.properties");
        List<Callable<String>> instances = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            instances.add(() -> LocalKeyFile.loadOrCreate(file, "test key", LocalKeyFileTest::newKey).getProperty("key"));
        }
        Set<String> keys = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> key : pool.invokeAll(instances)) {
                keys.add(key.get());
            }
        }

        assertThat(keys).hasSize(1);
    }

    @Test
    void aFileWithoutTheExpectedPropertyIsAClearError() throws Exception {
        Path file = folder.resolve("empty.properties");
        Files.writeString(file, "# nothing\n");

        Properties stored = LocalKeyFile.loadOrCreate(file, "test key", LocalKeyFileTest::newKey);

        assertThatThrownBy(() -> LocalKeyFile.required(stored, "key", file)).hasMessageContaining("has no key");
    }
}
