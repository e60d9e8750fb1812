package org.mhconnect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * "The probe": requests an attacker sends to see what breaks, each with the status it must get. Every answer must
 * be {@code application/problem+json} with that status, and never a default error page or Spring's default error
 * JSON, nor repeat what was sent.
 *
 * @param publicPath   a path this application answers with GET without a token and takes no body at
 * @param postJsonPath a path that takes a JSON body with POST (from a signed-in person)
 * @param bearer       the access token sent where a path needs one; null to send none
 */
public record OddRequests(String publicPath, String postJsonPath, String bearer) {

    /** Each probe: its name, the request head, its body, and the statuses it may get (the first is usual). */
    public Stream<Arguments> probes() {
        String auth = bearer == null ? "" : "\nAuthorization: Bearer " + bearer;
        String tooLong = publicPath + "?q=" + "a".repeat(10_240);
        return Stream.of(
                probe("an unknown path", "GET " + publicPath + "/no/such/thing HTTP/1.1" + auth, "", 404),
                probe("a method the path does not take", "DELETE " + publicPath + " HTTP/1.1" + auth, "", 405),
                probe("TRACE", "TRACE " + publicPath + " HTTP/1.1", "", 405),
                probe("TRACE with a token", "TRACE " + postJsonPath + " HTTP/1.1" + auth, "", 405),
                probe("a body type the path does not take",
                        "POST " + postJsonPath + " HTTP/1.1\nContent-Type: text/<script>" + auth, "", 415),
                probe("an answer type the path cannot give", "GET " + publicPath + " HTTP/1.1\nAccept: text/html" + auth, "", 406),
                probe("malformed JSON", "POST " + postJsonPath + " HTTP/1.1\nContent-Type: application/json" + auth,
                        "{\"<script>\":", 400),
                probe("JSON that is not UTF-8", "POST " + postJsonPath + " HTTP/1.1\nContent-Type: application/json" + auth,
                        "{\"title\":\"\u00C0\u00AF\"}", 400),
                probe("an encoded NUL in the path", "GET " + publicPath + "%00 HTTP/1.1", "", 400),
                probe("an encoded slash in the path", "GET " + publicPath + "%2F..%2F..%2Fetc%2Fpasswd HTTP/1.1", "", 400),
                probe("an encoded backslash in the path", "GET " + publicPath + "%5C..%5Cx HTTP/1.1", "", 400),
                probe("encoded dots in the path", "GET " + publicPath + "/%2e%2e/%2e%2e/x HTTP/1.1", "", 400),
                probe("a 10 kB URI", "GET " + tooLong + " HTTP/1.1", "", 414, 400, 431),
                probe("a 20 kB header", "GET " + publicPath + " HTTP/1.1\nX-Probe: " + "b".repeat(20_480), "", 431, 400));
    }

    private static Arguments probe(String name, String head, String body, Integer... statuses) {
        return Arguments.of(name, head, body, List.of(statuses));
    }

    /** Sends a probe and checks its answer. */
    public static void check(int port, String head, String body, List<Integer> statuses) throws IOException {
        // One byte per char: the not-UTF-8 probe's "\u00C0\u00AF" goes out as the overlong bytes C0 AF.
        RawHttp.Answer answer = RawHttp.send(port, head, body.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(statuses).as("status of %s", head.lines().findFirst().orElse("")).contains(answer.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body())
                .contains("\"status\":" + answer.status())
                .contains("\"title\":")
                .contains("\"instance\":")
                .doesNotContain("\"timestamp\"", "<html", "<script>", "Tomcat", "Whitelabel", "\"trace\"", "Exception");
    }
}
