package org.mhconnect.operations;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link PublicHealth} on a WebFlux service's public port; the checks may block, so they run off the event loop. */
final class ReactivePublicHealth {

    private ReactivePublicHealth() {
    }

    static RouterFunction<ServerResponse> routes(PublicHealth health) {
        return RouterFunctions.route()
                .GET(PublicHealth.OVERALL, request -> answer(health, null))
                .GET(PublicHealth.OVERALL + "/{group}", request -> group(health, request))
                .build();
    }

    private static Mono<ServerResponse> group(PublicHealth health, ServerRequest request) {
        String group = request.pathVariable("group");
        if (!group.equals("liveness") && !group.equals("readiness")) {
            return ServerResponse.notFound().build();
        }
        return answer(health, group);
    }

    private static Mono<ServerResponse> answer(PublicHealth health, String group) {
        return Mono.fromCallable(() -> health.of(group)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(answer -> ServerResponse.status(answer.httpStatus()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(answer.body()))
                .switchIfEmpty(ServerResponse.notFound().build());
    }
}
