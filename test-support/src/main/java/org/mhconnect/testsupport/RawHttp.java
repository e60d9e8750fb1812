package org.mhconnect.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken over a plain socket, byte for byte as written: the request line and path are not normalised
 * or re-encoded, as every HTTP client would ({@code %00}, {@code %2F}, {@code ..}, TRACE, a 10 kB URI).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer: its status, its headers (names in lower case) and its body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /**
     * Sends one request: {@code head} is the request line and headers without the final blank line; the body (may
     * be empty) gets its Content-Length. The connection is closed after the answer.
     */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(head.replace("\n", "\r\n"));
            request.append("\r\nHost: localhost:").append(port).append("\r\nConnection: close\r\n");
            if (body.length > 0) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    public static Answer send(int port, String head) throws IOException {
        return send(port, head, new byte[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                received.write(chunk, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A server may close without reading a body it refused; what it answered before counts.
            if (received.size() == 0) {
                throw reset;
            }
        }
        byte[] all = received.toByteArray();
        String text = new String(all, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = (split < 0 ? text : text.substring(0, split)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String body = split < 0 ? "" : text.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
        return body.toString();
    }
}
