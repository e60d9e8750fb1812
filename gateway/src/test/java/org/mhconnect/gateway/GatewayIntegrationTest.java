package org.mhconnect.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mhconnect.testsupport.InfrastructureInitializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mhconnect.testsupport.ThreadDumpOnTimeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway's one shared test configuration: the whole application on a random port, with MongoDB and Kafka
 * from test-support. Sign-in limits are raised so that tests do not trip over each other's requests; the rate
 * limit has its own test. Unfinished deletions are not announced again during a test run: the tests publish the
 * services' confirmations themselves. The clock is a {@link TestClock}, which follows the system clock unless a test
 * stops it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mhc.gateway.rate-limits.sign-in-per-minute=1000", "mhc.gateway.rate-limits.api-per-minute=10000",
                "mhc.gateway.deletion.reannounce-after=1h", "mhc.gateway.identity.bootstrap-admins=admin@mhc.test"})
@AutoConfigureWebTestClient(timeout = "20s")
@ExtendWith(ThreadDumpOnTimeout.class)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@Import(TestClock.Configuration.class)
public @interface GatewayIntegrationTest {
}
