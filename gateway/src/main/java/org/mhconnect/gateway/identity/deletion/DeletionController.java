package org.mhconnect.gateway.identity.deletion;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Asking for the account to be deleted, and watching the deletion finish. */
@RestController
@RequestMapping("/api/me")
class DeletionController {

    private final AccountDeletion deletion;

    DeletionController(AccountDeletion deletion) {
        this.deletion = deletion;
    }

    @DeleteMapping
    Mono<ResponseEntity<DeletionStatus>> delete(@AuthenticationPrincipal Jwt token) {
        return deletion.request(token.getSubject())
                .map(status -> ResponseEntity.accepted().location(URI.create("/api/me/deletion")).body(status));
    }

    @GetMapping("/deletion")
    Mono<ResponseEntity<Object>> status(@AuthenticationPrincipal Jwt token) {
        return deletion.status(token.getSubject())
                .map(status -> ResponseEntity.ok().<Object>body(status))
                .defaultIfEmpty(notRequested());
    }

    private static ResponseEntity<Object> notRequested() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No deletion has been asked for on this account.");
        problem.setTitle("No deletion requested");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
