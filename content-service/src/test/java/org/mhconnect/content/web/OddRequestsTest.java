package org.mhconnect.content.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.testsupport.OddRequests;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The probe: odd requests sent straight to this service get problem details, never a default error answer. */
@ContentIntegrationTest
class OddRequestsTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> probes() {
        return new OddRequests("/api/content/items", "/api/content/editor/items", TestTokens.get().accessToken("prober")).probes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void answersWithProblemDetails(String name, String head, String body, List<Integer> statuses) throws IOException {
        OddRequests.check(port, head, body, statuses);
    }
}
