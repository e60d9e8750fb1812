package org.mhconnect.reminder.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service and the browsers behind it, for tests. A "browser" is made like a real one makes a subscription
 * (a P-256 key pair and a 16-byte auth secret); the service checks every request as RFC 8292 and RFC 8291 ask
 * (the VAPID JWT's ES256 signature against the {@code k} key, {@code aud} = this origin, {@code exp} in the future
 * and within 24 hours; {@code Content-Encoding: aes128gcm}, a TTL) and decrypts the body with the browser's private
 * key and auth secret. Each browser can be told to answer with other statuses first (a 500, a 410).
 */
final class BrowserPushService implements AutoCloseable {

    private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");

    /** A subscribed browser: the JSON it would send to PUT /api/notifications/push/subscriptions. */
    record Browser(String name, KeyPair keys, byte[] auth, String endpoint) {

        Map<String, Object> subscription() {
            return Map.of("endpoint", endpoint, "expirationTime", 1893456000000L,
                    "keys", Map.of("p256dh", P256.base64Url(P256.encode((ECPublicKey) keys.getPublic())),
                            "auth", P256.base64Url(auth)));
        }
    }

    /** A message as the browser's service worker would read it, with the VAPID claims it came with. */
    record Received(String browser, String json, String audience, String subject, Instant expires, String vapidKey) {
    }

    private final HttpServer server;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    BrowserPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new browser; {@code firstAnswers} are the statuses its first requests get, 201 after them. */
    Browser browser(String name, Integer... firstAnswers) {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        Browser browser = new Browser(name, P256.generate(), auth, origin() + "/push/" + name);
        browsers.put(name, browser);
        answers.put(name, new CopyOnWriteArrayList<>(List.of(firstAnswers)));
        requests.put(name, new AtomicInteger());
        return browser;
    }

    int requestsTo(String browser) {
        return requests.get(browser).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/push/".length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Browser browser = browsers.get(name);
        int status;
        if (browser == null) {
            status = 404;
        }
        else {
            requests.get(name).incrementAndGet();
            List<Integer> queued = answers.get(name);
            status = queued.isEmpty() ? 201 : queued.removeFirst();
            if (status == 201) {
                try {
                    received.add(read(browser, exchange, body));
                }
                catch (Exception ex) {
                    refusals.add(name + ": " + ex);
                    status = 400;
                }
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private Received read(Browser browser, HttpExchange exchange, byte[] body) throws Exception {
        var headers = exchange.getRequestHeaders();
        check("aes128gcm".equals(headers.getFirst("Content-Encoding")), "Content-Encoding is not aes128gcm");
        check(headers.getFirst("TTL") != null && Long.parseLong(headers.getFirst("TTL")) >= 0, "no TTL");
        check(headers.getFirst("Urgency") != null, "no Urgency");
        Matcher vapid = VAPID.matcher(String.valueOf(headers.getFirst("Authorization")));
        check(vapid.matches(), "no VAPID Authorization");
        SignedJWT jwt = SignedJWT.parse(vapid.group(1));
        ECPublicKey serverKey = P256.decode(P256.fromBase64Url(vapid.group(2)));
        check(JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()), "not ES256");
        check(jwt.verify(new ECDSAVerifier(serverKey)), "the VAPID signature does not verify with k");
        var claims = jwt.getJWTClaimsSet();
        check(claims.getAudience().equals(List.of(origin())), "aud is not this origin: " + claims.getAudience());
        Instant expires = claims.getExpirationTime().toInstant();
        check(expires.isAfter(Instant.now()) && expires.isBefore(Instant.now().plus(Duration.ofHours(24))), "bad exp");
        String plaintext = new String(decrypt(browser, body), StandardCharsets.UTF_8);
        return new Received(browser.name(), plaintext, claims.getAudience().getFirst(), claims.getSubject(), expires,
                vapid.group(2));
    }

    /** RFC 8291 from the browser's side: the ECDH secret from our private key, then the same derivations. */
    private static byte[] decrypt(Browser browser, byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] keyId = new byte[in.get()];
        in.get(keyId);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        check(record.length <= recordSize, "the record is longer than the record size");
        ECPublicKey senderKey = P256.decode(keyId);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.keys().getPrivate());
        agreement.doPhase(senderKey, true);
        byte[] ourPoint = P256.encode((ECPublicKey) browser.keys().getPublic());
        byte[] keyInfo = PayloadEncryption.concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), ourPoint, keyId);
        byte[] ikm = PayloadEncryption.expand(PayloadEncryption.hmac(browser.auth(), agreement.generateSecret()), keyInfo, 32);
        byte[] prk = PayloadEncryption.hmac(salt, ikm);
        byte[] cek = PayloadEncryption.expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = PayloadEncryption.expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        check(end >= 0 && padded[end] == 2, "no last-record delimiter");
        return Arrays.copyOf(padded, end);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
