package org.mhconnect.gateway.edge;

import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;

/** How the edge reads a request's path: the same way routes and controllers match it. */
final class EdgePaths {

    /** Where the path is kept once read, so that the edge's filters read it once per request. */
    static final String ATTRIBUTE = EdgePaths.class.getName() + ".routed";

    private EdgePaths() {
    }

    /**
     * Each segment percent-decoded, without matrix parameters, and without empty segments. Reading the raw path let
     * {@code /api/auth/%6cogin} sign in from the generous rate-limit bucket. Read once, as the client sent it, and
     * kept in an exchange attribute for the other filters.
     */
    static String routed(ServerWebExchange exchange) {
        return exchange.getAttributes().computeIfAbsent(ATTRIBUTE, key -> read(exchange)).toString();
    }

    /** Whether the path is {@code prefix} or lies below it. */
    static boolean within(String routedPath, String prefix) {
        return routedPath.equals(prefix) || routedPath.startsWith(prefix + "/");
    }

    private static String read(ServerWebExchange exchange) {
        StringBuilder path = new StringBuilder();
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
                path.append('/').append(segment.valueToMatch());
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    /** Answers about a person: sign-in, tokens and the account, always; any other API answer without caching rules. */
    static boolean alwaysPersonal(String routedPath) {
        return routedPath.startsWith("/api/auth/") || routedPath.equals("/api/me") || routedPath.startsWith("/api/me/")
                || routedPath.startsWith("/api/admin/");
    }
}
