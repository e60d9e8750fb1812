package org.mhconnect.gateway.problems;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.testsupport.OddRequests;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probe at the gateway: odd requests to its own endpoints and on the way to a service get problem details,
 * never a default error answer (Netty's empty ones included).
 */
@GatewayIntegrationTest
class OddRequestsTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> probes() {
        return new OddRequests("/.well-known/jwks.json", "/api/auth/login", null).probes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void answersWithProblemDetails(String name, String head, String body, List<Integer> statuses) throws IOException {
        OddRequests.check(port, head, body, statuses);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void answersWithProblemDetailsOnTheWayToAService(String name, String head, String body, List<Integer> statuses)
            throws IOException {
        // TRACE and the firewall answer before any route: the service behind is never asked.
        if (head.startsWith("TRACE") || head.contains("%")) {
            OddRequests.check(port, head.replace("/.well-known/jwks.json", "/api/journal/entries"), body, statuses);
        }
    }
}
