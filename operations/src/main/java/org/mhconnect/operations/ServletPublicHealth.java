package org.mhconnect.operations;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@link PublicHealth} on a Spring MVC service's public port. */
@RestController
final class ServletPublicHealth {

    private final PublicHealth health;

    ServletPublicHealth(PublicHealth health) {
        this.health = health;
    }

    @GetMapping(path = PublicHealth.OVERALL, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> overall() {
        return answer(health.of(null));
    }

    @GetMapping(path = PublicHealth.OVERALL + "/{group:liveness|readiness}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> group(@PathVariable String group) {
        return answer(health.of(group));
    }

    private static ResponseEntity<Map<String, String>> answer(PublicHealth.Answer answer) {
        return answer == null ? ResponseEntity.notFound().build()
                : ResponseEntity.status(answer.httpStatus()).body(answer.body());
    }
}
