package org.mhconnect.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Whose allowance a request spends: X-Forwarded-For counts only when a trusted proxy passed it on. */
class ClientAddressTest {

    private final ClientAddress behindBalancer = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddress(List.of()).of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerDoesNotChangeTheAddress() {
        assertThat(behindBalancer.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(behindBalancer.of(from("203.0.113.9", "10.0.0.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedAddressIsTheClient() {
        assertThat(behindBalancer.of(from("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // The client wrote the left-most entry itself; the balancers appended the rest.
        assertThat(behindBalancer.of(from("10.1.2.3", "1.2.3.4, 198.51.100.1, 192.168.1.5"))).isEqualTo("198.51.100.1");
        assertThat(behindBalancer.of(from("10.1.2.3", "1.2.3.4", "198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void aTrustedProxyWithoutAnUntrustedHopIsItselfTheClient() {
        assertThat(behindBalancer.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(behindBalancer.of(from("10.1.2.3", "10.9.9.9"))).isEqualTo("10.1.2.3");
    }

    private static MockServerWebExchange from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/content/items")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
