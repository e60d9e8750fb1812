package org.mhconnect.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that drives the web app in {@link WebBrowser}: it runs only where chromium is installed (see
 * {@link Prerequisite#CHROMIUM}), and is skipped before it starts the system when it is not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserTest.NeedsChromium.class)
@interface BrowserTest {

    final class NeedsChromium implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            Prerequisite.CHROMIUM.requireFor("the browser tests");
        }
    }
}
