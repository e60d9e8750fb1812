package org.mhconnect.reminder.channel.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which webhook URLs this service may call: a guard against server-side request forgery, where someone registers a URL
 * that points at our own machines or network and has us call it for them.
 *
 * <p>A URL must be absolute {@code http} or {@code https}, at most 2000 characters, with a host and without a user name
 * or password. Its host is then resolved, and the URL is refused when <em>any</em> of the addresses is not a public
 * internet address: loopback, unspecified ({@code 0.0.0.0/8}, {@code ::}), private ({@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}, {@code fc00::/7}, {@code fec0::/10}), shared carrier-grade NAT ({@code 100.64/10}), link-local
 * ({@code 169.254/16}, {@code fe80::/10}), the cloud metadata addresses ({@code 169.254.169.254},
 * {@code fd00:ec2::254}), multicast, broadcast and the other reserved ranges, and IPv6 forms that carry one of those
 * IPv4 addresses (IPv4-mapped, NAT64, 6to4). Any IPv6 address outside global unicast ({@code 2000::/3}) is refused
 * too. The IPv6 ranges are checked on the address bytes, so any spelling of an address is caught.
 *
 * <p>A host whose last label is a number (WHATWG URL: digits, or {@code 0x} and hex) is an IPv4 address to browsers
 * and many resolvers, which also read octal ({@code 0177.0.0.1}), hex ({@code 0x7f000001}), decimal
 * ({@code 2130706433}) and shortened ({@code 127.1}) forms, and disagree on them: Java reads {@code 0177.0.0.1} as the
 * public 177.0.0.1. So such a host must be four decimal numbers from 0 to 255 without leading zeros. An IPv6 host is
 * refused with a zone id or an IPv4 address written into it ({@code [::ffff:127.0.0.1]}, {@code [64:ff9b::10.0.0.1]}).
 *
 * <p>With {@code allowLoopback}, a development-only setting, loopback ({@code 127/8}, {@code ::1}) is allowed so that
 * a receiver on the developer's own machine can be used; nothing else is.
 *
 * <p>The check is only as good as the moment it is made: the sender checks again right before every attempt, since a
 * host name can be made to resolve elsewhere later. Between that check and the connection there remains a short
 * window for a host that changes its answer on purpose (DNS rebinding). With the system resolver the JVM's address
 * cache usually hands the connection the very answer that was checked; egress filtering in the network is the backstop
 * for the rest.
 */
public final class WebhookUrlPolicy {

    /** The longest URL accepted, in characters. */
    public static final int MAX_URL_LENGTH = 2000;

    /** Resolves a host name to all of its addresses, like {@link InetAddress#getAllByName(String)}. */
    @FunctionalInterface
    public interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final String DOES_NOT_RESOLVE = "the host name does not resolve";

    private static final String LOOPBACK = "the URL points to this server itself (a loopback address)";
    private static final String UNSPECIFIED = "the URL points to an unspecified (this-network) address";
    private static final String PRIVATE = "the URL points to a private network address";
    private static final String SHARED = "the URL points to a shared carrier-grade NAT address (100.64.0.0/10)";
    private static final String LINK_LOCAL = "the URL points to a link-local address";
    private static final String METADATA = "the URL points to a cloud metadata address";
    private static final String MULTICAST = "the URL points to a multicast address";
    private static final String BROADCAST = "the URL points to the broadcast address";
    private static final String DOCUMENTATION = "the URL points to an address reserved for documentation";
    private static final String RESERVED = "the URL points to a reserved address that is not on the public internet";
    private static final String NOT_PUBLIC = "the URL points to an address that is not on the public internet";
    private static final String NO_HOST = "the URL must have a valid host name";
    static final String UNUSUAL_IPV4 = "the URL's host is an IPv4 address written in an unusual form"
            + " (write it as four numbers from 0 to 255 without leading zeros, such as 93.184.216.34)";
    static final String IPV6_ZONE = "the URL's host is an IPv6 address with a zone id (an interface of one machine)";
    static final String IPV6_WITH_IPV4 = "the URL's host is an IPv6 address with an IPv4 address written into it";

    /** The last label of a host that browsers and resolvers read as an IPv4 address (WHATWG URL, ends in a number). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /** Checked in order, so a specific reason comes before the general one of a wider block. */
    private static final List<Block> IPV4 = List.of(
            Block.of("169.254.169.254/32", METADATA),
            Block.of("0.0.0.0/8", UNSPECIFIED),
            Block.of("127.0.0.0/8", LOOPBACK),
            Block.of("10.0.0.0/8", PRIVATE),
            Block.of("172.16.0.0/12", PRIVATE),
            Block.of("192.168.0.0/16", PRIVATE),
            Block.of("100.64.0.0/10", SHARED),
            Block.of("169.254.0.0/16", LINK_LOCAL),
            Block.of("192.0.0.0/24", RESERVED),
            Block.of("192.0.2.0/24", DOCUMENTATION),
            Block.of("198.51.100.0/24", DOCUMENTATION),
            Block.of("203.0.113.0/24", DOCUMENTATION),
            Block.of("198.18.0.0/15", RESERVED),
            Block.of("224.0.0.0/4", MULTICAST),
            Block.of("255.255.255.255/32", BROADCAST),
            Block.of("240.0.0.0/4", RESERVED));

    private static final List<Block> IPV6 = List.of(
            Block.of("fd00:ec2::254/128", METADATA),
            Block.of("::/128", UNSPECIFIED),
            Block.of("::1/128", LOOPBACK),
            Block.of("::/96", RESERVED), // IPv4-compatible, deprecated
            Block.of("64:ff9b:1::/48", RESERVED), // local-use NAT64
            Block.of("100::/64", RESERVED), // discard-only
            Block.of("2001::/32", RESERVED), // Teredo tunnelling
            Block.of("2001:db8::/32", DOCUMENTATION),
            Block.of("fc00::/7", PRIVATE),
            Block.of("fec0::/10", PRIVATE), // site-local, deprecated
            Block.of("fe80::/10", LINK_LOCAL),
            Block.of("ff00::/8", MULTICAST));

    /** Prefixes of IPv6 addresses that carry an IPv4 address, and where: {@code ::ffff:0:0/96}, NAT64, 6to4. */
    private static final Block IPV4_MAPPED = Block.of("::ffff:0.0.0.0/96", null);
    private static final Block NAT64 = Block.of("64:ff9b::/96", null);
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", null);
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", null);
    private static final Block IPV6_LOOPBACK = Block.of("::1/128", null);

    private final boolean allowLoopback;
    private final Resolver resolver;

    /** A policy that resolves host names with the system resolver. */
    public WebhookUrlPolicy(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    /**
     * @param allowLoopback development only: allow loopback addresses, so a receiver on this machine can be called
     * @param resolver resolves a host name to all of its addresses
     */
    public WebhookUrlPolicy(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /**
     * Checks a URL, resolving its host.
     *
     * @throws RefusedWebhookUrlException when it may not be called
     */
    public void check(URI url) {
        resolveAndCheck(url);
    }

    /**
     * Checks a URL, resolving its host, and returns the addresses that were checked.
     *
     * @throws RefusedWebhookUrlException when it may not be called
     */
    public List<InetAddress> resolveAndCheck(URI url) {
        String host = checkForm(url);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        }
        catch (UnknownHostException | SecurityException ex) {
            throw new RefusedWebhookUrlException(DOES_NOT_RESOLVE);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedWebhookUrlException(DOES_NOT_RESOLVE);
        }
        for (InetAddress address : addresses) {
            whyRefused(address).ifPresent(reason -> {
                throw new RefusedWebhookUrlException(reason);
            });
        }
        return List.of(addresses);
    }

    /** The host to resolve, without IPv6 brackets, once the URL's form is acceptable. */
    private static String checkForm(URI url) {
        if (url == null) {
            throw new RefusedWebhookUrlException("a URL is required");
        }
        if (url.toString().length() > MAX_URL_LENGTH) {
            throw new RefusedWebhookUrlException("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedWebhookUrlException("only http and https URLs can be webhooks");
        }
        if (url.getRawUserInfo() != null
                || (url.getRawAuthority() != null && url.getRawAuthority().contains("@"))) {
            throw new RefusedWebhookUrlException("the URL must not contain a user name or password");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedWebhookUrlException(whyNoHost(url.getRawAuthority()));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (host.contains("%")) {
                throw new RefusedWebhookUrlException(IPV6_ZONE);
            }
            if (host.contains(".")) {
                throw new RefusedWebhookUrlException(IPV6_WITH_IPV4);
            }
        }
        else if (endsInANumber(host) && !DOTTED_QUAD.matcher(host).matches()) {
            throw new RefusedWebhookUrlException(UNUSUAL_IPV4);
        }
        return host;
    }

    /** Why {@link URI} found no host: it finds none in {@code 127.1}, {@code 256.0.0.1}, {@code [::ffff:01.2.3.4]}. */
    private static String whyNoHost(String authority) {
        if (authority != null && authority.startsWith("[")) {
            return authority.contains("%") ? IPV6_ZONE : authority.contains(".") ? IPV6_WITH_IPV4 : NO_HOST;
        }
        String host = authority == null ? "" : authority.replaceFirst(":[0-9]*$", "");
        return !host.isEmpty() && endsInANumber(host) && !DOTTED_QUAD.matcher(host).matches() ? UNUSUAL_IPV4 : NO_HOST;
    }

    private static boolean endsInANumber(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return NUMERIC_LABEL.matcher(trimmed.substring(trimmed.lastIndexOf('.') + 1)).matches();
    }

    private Optional<String> whyRefused(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return whyRefusedIpv4(bytes, allowLoopback);
        }
        if (IPV4_MAPPED.contains(bytes)) {
            return whyRefusedIpv4(Arrays.copyOfRange(bytes, 12, 16), allowLoopback);
        }
        if (allowLoopback && IPV6_LOOPBACK.contains(bytes)) {
            return Optional.empty();
        }
        for (Block block : IPV6) {
            if (block.contains(bytes)) {
                return Optional.of(block.reason());
            }
        }
        if (NAT64.contains(bytes)) {
            return whyRefusedIpv4(Arrays.copyOfRange(bytes, 12, 16), false);
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return whyRefusedIpv4(Arrays.copyOfRange(bytes, 2, 6), false);
        }
        if (!GLOBAL_UNICAST.contains(bytes)) {
            return Optional.of(NOT_PUBLIC);
        }
        return Optional.empty();
    }

    private static Optional<String> whyRefusedIpv4(byte[] bytes, boolean allowLoopback) {
        if (allowLoopback && bytes[0] == 127) {
            return Optional.empty();
        }
        for (Block block : IPV4) {
            if (block.contains(bytes)) {
                return Optional.of(block.reason());
            }
        }
        return Optional.empty();
    }

    /** An address block in CIDR notation, with why an address in it is refused. */
    private record Block(byte[] network, int prefixLength, String reason) {

        static Block of(String cidr, String reason) {
            int slash = cidr.indexOf('/');
            String literal = cidr.substring(0, slash);
            int prefixLength = Integer.parseInt(cidr.substring(slash + 1));
            byte[] network = literal.contains(":") ? ipv6Bytes(literal) : InetAddress.ofLiteral(literal).getAddress();
            return new Block(network, prefixLength, reason);
        }

        /** The 16 bytes of an IPv6 literal, kept as IPv6 even when it is IPv4-mapped. */
        private static byte[] ipv6Bytes(String literal) {
            if (literal.startsWith("::ffff:") && literal.indexOf('.') > 0) {
                byte[] bytes = new byte[16];
                bytes[10] = (byte) 0xff;
                bytes[11] = (byte) 0xff;
                System.arraycopy(InetAddress.ofLiteral(literal.substring(7)).getAddress(), 0, bytes, 12, 4);
                return bytes;
            }
            return Inet6Address.ofLiteral(literal).getAddress();
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
