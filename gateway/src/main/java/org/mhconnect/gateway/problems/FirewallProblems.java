package org.mhconnect.gateway.problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What Spring Security's firewall refuses (an encoded NUL, slash, backslash or dot segment in the path, a
 * method it does not know) is a 400 with problem details, not the default empty answer.
 */
@Component
class FirewallProblems implements ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return ProblemDetailsErrorHandler.write(exchange, HttpStatus.BAD_REQUEST);
    }
}
