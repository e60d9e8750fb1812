package org.mhconnect.journal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mhconnect.testsupport.InfrastructureInitializer;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mhconnect.testsupport.ThreadDumpOnTimeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * journal-service's one shared test configuration: the whole application on a random port, with Kafka and
 * MongoDB from test-support (embedded by default, containers with {@code -Dmhc.test.infra=containers}), and a
 * master key made up for the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ExtendWith(ThreadDumpOnTimeout.class)
@ContextConfiguration(initializers = {InfrastructureInitializer.class, TestMasterKey.class})
public @interface JournalIntegrationTest {
}
