package org.mhconnect.reminder.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which URLs webhooks may call. Host names are resolved by a fake resolver: {@code hooks.example} to the address
 * under test, {@code mixed.example} to one public and one private address, {@code nowhere.example} to nothing.
 */
class WebhookUrlPolicyTest {

    private static final String PUBLIC = "93.184.216.34";

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1        | loopback
            127.8.9.10       | loopback
            ::1              | loopback
            10.0.0.1         | private network
            172.16.5.4       | private network
            172.31.255.255   | private network
            192.168.1.1      | private network
            169.254.169.254  | cloud metadata
            fd00:ec2::254    | cloud metadata
            169.254.10.1     | link-local
            fe80::1          | link-local
            fc00::1          | private network
            fd12:3456::1     | private network
            100.64.0.1       | carrier-grade NAT
            100.100.100.200  | carrier-grade NAT
            0.0.0.0          | unspecified
            0.1.2.3          | unspecified
            ::               | unspecified
            ::ffff:127.0.0.1 | loopback
            ::ffff:10.0.0.1  | private network
            224.0.0.1        | multicast
            ff02::1          | multicast
            255.255.255.255  | broadcast
            240.0.0.1        | reserved
            192.0.2.1        | documentation
            2001:db8::1      | documentation
            64:ff9b::a00:1   | private network
            2002:a9fe:a9fe:: | cloud metadata
            """)
    void aHostResolvingToAForbiddenAddressIsRefusedWithAReason(String address, String reason) {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", address));

        assertThat(refusal(policy, "https://hooks.example/in")).contains(reason).doesNotContain(address);
    }

    /**
     * Every host here is an IP address to some client or resolver; a lenient resolver reads each as a public address,
     * as Java reads {@code 0177.0.0.1} (177.0.0.1), so only the spelling can refuse them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://0177.0.0.1/in           | IPv4 address written in an unusual form
            http://0177.0000.0000.0001/in  | IPv4 address written in an unusual form
            http://017700000001/in         | IPv4 address written in an unusual form
            http://0x7f.0.0.1/in           | IPv4 address written in an unusual form
            http://0x7f.0x0.0x0.0x1/in     | IPv4 address written in an unusual form
            http://0x7f000001/in           | IPv4 address written in an unusual form
            http://0X7F000001/in           | IPv4 address written in an unusual form
            http://2130706433/in           | IPv4 address written in an unusual form
            http://3232235777:8080/in      | IPv4 address written in an unusual form
            http://127.1/in                | IPv4 address written in an unusual form
            http://10.1/in                 | IPv4 address written in an unusual form
            http://192.168.257/in          | IPv4 address written in an unusual form
            http://0x7f.1/in               | IPv4 address written in an unusual form
            http://0177.0x0.1/in           | IPv4 address written in an unusual form
            http://127.0.0.01/in           | IPv4 address written in an unusual form
            http://010.0.0.1/in            | IPv4 address written in an unusual form
            http://256.0.0.1/in            | IPv4 address written in an unusual form
            http://1.2.3.4.5/in            | IPv4 address written in an unusual form
            http://127.0.0.1./in           | IPv4 address written in an unusual form
            http://hooks.example.0x10/in   | IPv4 address written in an unusual form
            http://hooks.example.17/in     | IPv4 address written in an unusual form
            http://[::ffff:127.0.0.1]/in   | IPv6 address with an IPv4 address written into it
            http://[::ffff:93.184.216.34]/ | IPv6 address with an IPv4 address written into it
            http://[::127.0.0.1]/in        | IPv6 address with an IPv4 address written into it
            http://[64:ff9b::10.0.0.1]/in  | IPv6 address with an IPv4 address written into it
            http://[::ffff:0177.0.0.1]/in  | IPv6 address with an IPv4 address written into it
            http://[fe80::1%25eth0]/in     | IPv6 address with a zone id
            http://[2606:2800::1%251]/in   | IPv6 address with a zone id
            """)
    void anIpAddressInAnUnusualSpellingIsRefusedWhateverItResolvesTo(String url, String reason) {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(true, host -> new InetAddress[] { InetAddress.ofLiteral(PUBLIC) });

        assertThat(refusal(policy, url)).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://[::ffff:7f00:1]/in    | loopback
            http://[::7f00:1]/in         | reserved
            http://[64:ff9b::a00:1]/in   | private network
            http://[fe80::1]/in          | link-local
            http://[::]/in               | unspecified
            http://[ff02::1]/in          | multicast
            http://127.0.0.1/in          | loopback
            http://10.0.0.1/in           | private network
            http://172.16.0.1/in         | private network
            http://192.168.0.1/in        | private network
            http://169.254.1.1/in        | link-local
            http://169.254.169.254/in    | cloud metadata
            http://100.64.0.1/in         | carrier-grade NAT
            http://0.0.0.0/in            | unspecified
            http://224.0.0.1/in          | multicast
            """)
    void anAddressInTheUsualSpellingIsJudgedByItsRange(String url, String reason) {
        assertThat(refusal(new WebhookUrlPolicy(false), url)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            https://93.184.216.34/in
            https://8.8.8.8/in
            https://[2606:2800:220:1::248]/in
            https://bad.cafe/in
            https://1.example/in
            https://123.45.example.org/in
            https://0x.example/in
            https://beef.face.cafe/in
            """)
    void aNameOrAPublicAddressInTheUsualSpellingIsAllowed(String url) {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, host -> new InetAddress[] { InetAddress.ofLiteral(PUBLIC) });

        assertThat(refusal(policy, url)).isNull();
    }

    @Test
    void anIpv4MappedIpv6AddressIsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.ofLiteral("192.168.0.7").getAddress(), 0, mapped, 12, 4);
        InetAddress ipv6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(ipv6).isInstanceOf(Inet6Address.class);
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, host -> new InetAddress[] { ipv6 });

        assertThat(refusal(policy, "https://hooks.example/in")).contains("private network");
    }

    @Test
    void aHostWithOnePublicAndOnePrivateAddressIsRefused() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("mixed.example", PUBLIC, "10.1.2.3"));

        assertThat(refusal(policy, "https://mixed.example/in")).contains("private network");
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", PUBLIC));

        assertThat(refusal(policy, "https://nowhere.example/in")).isEqualTo("the host name does not resolve");
    }

    @Test
    void aPublicAddressIsAllowedAndReturned() throws Exception {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", PUBLIC, "2606:2800:220:1::248"));

        assertThat(policy.resolveAndCheck(URI.create("https://hooks.example/in?topic=reminders")))
                .containsExactly(InetAddress.ofLiteral(PUBLIC), InetAddress.ofLiteral("2606:2800:220:1::248"));
        assertThatCode(() -> policy.check(URI.create("http://hooks.example:8080/in"))).doesNotThrowAnyException();
    }

    @Test
    void aPublicIpLiteralIsAllowedWithTheSystemResolver() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false);

        assertThatCode(() -> policy.check(URI.create("https://" + PUBLIC + "/in"))).doesNotThrowAnyException();
        assertThat(refusal(policy, "https://[::1]/in")).contains("loopback");
        assertThat(refusal(policy, "https://[fd00:ec2::254]/in")).contains("cloud metadata");
    }

    @Test
    void loopbackIsAllowedOnlyWithTheDevelopmentSetting() {
        WebhookUrlPolicy production = new WebhookUrlPolicy(false);
        WebhookUrlPolicy development = new WebhookUrlPolicy(true);

        assertThat(refusal(production, "http://127.0.0.1:8080/in")).contains("loopback");
        assertThat(refusal(production, "http://[::1]:8080/in")).contains("loopback");
        assertThatCode(() -> development.check(URI.create("http://127.0.0.1:8080/in"))).doesNotThrowAnyException();
        assertThatCode(() -> development.check(URI.create("http://[::1]:8080/in"))).doesNotThrowAnyException();
    }

    @Test
    void theDevelopmentSettingAllowsNothingButLoopback() {
        for (String address : List.of("10.0.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "fe80::1",
                "fd00:ec2::254")) {
            WebhookUrlPolicy development = new WebhookUrlPolicy(true, resolving("hooks.example", address));

            assertThat(refusal(development, "http://hooks.example/in")).as(address).isNotNull();
        }
        WebhookUrlPolicy mixed = new WebhookUrlPolicy(true, resolving("hooks.example", "127.0.0.1", "10.0.0.1"));
        assertThat(refusal(mixed, "http://hooks.example/in")).contains("private network");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAllowed() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", PUBLIC));

        assertThat(refusal(policy, "ftp://hooks.example/in")).isEqualTo("only http and https URLs can be webhooks");
        assertThat(refusal(policy, "file:///etc/passwd")).isEqualTo("only http and https URLs can be webhooks");
        assertThat(refusal(policy, "gopher://hooks.example/in")).isEqualTo("only http and https URLs can be webhooks");
        assertThat(refusal(policy, "/relative/path")).isEqualTo("only http and https URLs can be webhooks");
        assertThatCode(() -> policy.check(URI.create("HTTPS://hooks.example/in"))).doesNotThrowAnyException();
    }

    @Test
    void aUrlWithAUserNameOrPasswordIsRefused() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", PUBLIC));

        assertThat(refusal(policy, "https://user:secret@hooks.example/in"))
                .isEqualTo("the URL must not contain a user name or password");
        assertThat(refusal(policy, "https://user@hooks.example/in"))
                .isEqualTo("the URL must not contain a user name or password");
    }

    @Test
    void aUrlWithoutAHostIsRefused() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", PUBLIC));

        assertThat(refusal(policy, "https:///in")).isEqualTo("the URL must have a valid host name");
        assertThat(refusal(policy, "https://bad_host.example/in")).isEqualTo("the URL must have a valid host name");
    }

    @Test
    void aUrlOfMoreThan2000CharactersIsRefused() {
        WebhookUrlPolicy policy = new WebhookUrlPolicy(false, resolving("hooks.example", PUBLIC));
        String base = "https://hooks.example/";

        assertThatCode(() -> policy.check(URI.create(base + "a".repeat(2000 - base.length()))))
                .doesNotThrowAnyException();
        assertThat(refusal(policy, base + "a".repeat(2001 - base.length())))
                .isEqualTo("the URL is longer than 2000 characters");
    }

    /** The reason a URL is refused, or null when it is allowed. */
    private static String refusal(WebhookUrlPolicy policy, String url) {
        RefusedWebhookUrlException refused = catchThrowableOfType(RefusedWebhookUrlException.class,
                () -> policy.check(URI.create(url)));
        return refused == null ? null : refused.reason();
    }

    private static WebhookUrlPolicy.Resolver resolving(String host, String... literals) {
        Map<String, InetAddress[]> names = Map.of(host,
                Arrays.stream(literals).map(InetAddress::ofLiteral).toArray(InetAddress[]::new));
        return name -> {
            InetAddress[] addresses = names.get(name);
            if (addresses == null) {
                throw new UnknownHostException(name);
            }
            return addresses;
        };
    }
}
