package org.mhconnect.problems;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The wording of a problem that has nothing more to say than its status: an unknown address, a method or media
 * type the address does not take, a request too large, a failure on our side. The MVC services and the gateway
 * both use it, so the same status reads the same everywhere, and no wording repeats what was sent.
 */
public final class StatusProblems {

    private static final int MAX_INSTANCE_LENGTH = 200;
    private static final String HEX = "0123456789ABCDEF";

    private StatusProblems() {
    }

    /** A problem with the status's reason phrase as its title and a fixed, friendly detail. */
    public static ProblemDetail forStatus(HttpStatusCode code) {
        ProblemDetail problem = ProblemDetail.forStatus(code);
        problem.setTitle(title(code.value()));
        problem.setDetail(detail(code.value()));
        return problem;
    }

    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? (status >= 500 ? "Server error" : "Request error") : known.getReasonPhrase();
    }

    public static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be handled as it is.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in a format the request accepts.";
            case 413 -> "The request is larger than this address accepts.";
            case 414 -> "The address is longer than this server accepts.";
            case 415 -> "This address does not accept that content type.";
            case 431 -> "The request's headers are larger than this server accepts.";
            case 503 -> "This part of Mental Health Connect is not available right now. Please try again in a moment.";
            case 504 -> "This part of Mental Health Connect took too long to answer. Please try again in a moment.";
            default -> status < 500 ? "The request could not be handled as it is."
                    : "Something went wrong on our side. Please try again in a moment.";
        };
    }

    /**
     * The {@code instance} of a problem from a raw request path: only unreserved characters, '/' and '%' are kept,
     * anything else is percent-encoded, and a path longer than 200 characters is cut. So a probe's path is never
     * echoed in a form a browser or a log viewer would act on, and always parses as a URI.
     */
    public static URI instance(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return URI.create("/");
        }
        StringBuilder safe = new StringBuilder();
        byte[] bytes = rawPath.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length && safe.length() < MAX_INSTANCE_LENGTH; i++) {
            int c = bytes[i] & 0xFF;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/'
                    || (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (keep) {
                safe.append((char) c);
            } else {
                safe.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return URI.create(safe.toString());
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /**
     * The problem of {@link #forStatus} as JSON text, for the places below Spring that write it themselves (Tomcat's
     * error report, the filter that refuses TRACE). Every value in it is fixed or made safe by {@link #instance}.
     */
    public static String json(int status, String rawPath) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\",\"instance\":\"" + instance(rawPath) + "\"}";
    }
}
