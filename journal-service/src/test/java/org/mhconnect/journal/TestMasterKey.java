package org.mhconnect.journal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A master key made up for this test run, never written down: tests configure their key the way production does,
 * through properties, and nothing secret sits in the repository. Support resources are asked of an address where
 * nothing listens, unless a test says otherwise, so the built-in fallback is what tests see by default.
 */
public class TestMasterKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String KEY_ID = "test-run";
    static final String KEY = randomKey();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "mhc.journal.encryption.master-keys." + KEY_ID + "=" + KEY,
                "mhc.journal.encryption.active-key-id=" + KEY_ID,
                "mhc.journal.support.content-url=http://127.0.0.1:9",
                "mhc.journal.support.timeout=500ms").applyTo(context);
    }

    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
