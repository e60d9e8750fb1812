package org.mhconnect.gateway.edge;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, for the rate limits: the address of the direct peer, unless that peer is one of the trusted proxies
 * ({@code mhc.gateway.trusted-proxies}, addresses or CIDR ranges; none by default). Then it is the right-most address
 * in {@code X-Forwarded-For} that is not a trusted proxy: the one the last trusted proxy saw. Addresses further left
 * were written by the client and could be anything.
 */
final class ClientAddress {

    private final List<IpSubnetFilterRule> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(ClientAddress::range).toList();
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    private static IpSubnetFilterRule range(String entry) {
        int slash = entry.indexOf('/');
        InetAddress address = ip(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("mhc.gateway.trusted-proxies: not an address or CIDR range: " + entry);
        }
        int bits = address instanceof Inet4Address ? 32 : 128;
        int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }

    /** The address written in {@code text}, or null for anything else; never a DNS lookup. */
    private static InetAddress ip(String text) {
        return NetUtil.createInetAddressFromIpAddressString(text);
    }

    String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String peer = remote.getAddress().getHostAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).strip();
            if (!isTrusted(hop)) {
                return hop.isEmpty() ? peer : hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        InetAddress ip = ip(address);
        // A name or garbage is no proxy of ours.
        return ip != null && trusted.stream().anyMatch(rule -> rule.matches(new InetSocketAddress(ip, 0)));
    }
}
