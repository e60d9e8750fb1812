package org.mhconnect.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused because of its {@code Idempotency-Key}. It is an {@link ErrorResponseException}, so the services'
 * problem handlers (Spring's {@code ResponseEntityExceptionHandler}) answer it as {@code application/problem+json}
 * without a handler of their own. Nothing was written. The detail never repeats the key or the body.
 */
public final class IdempotencyProblem extends ErrorResponseException {

    private IdempotencyProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    /** 400: empty, longer than 255 characters, or with control characters. */
    static IdempotencyProblem invalidKey() {
        return new IdempotencyProblem(HttpStatus.BAD_REQUEST, "The Idempotency-Key needs another look",
                "An Idempotency-Key has 1 to " + IdempotencyKey.MAX_LENGTH
                        + " characters and no control characters; a new random UUID for each new request is best.");
    }

    /** 422: the key was used before, by this person, for another request. */
    static IdempotencyProblem reusedForAnotherRequest() {
        return new IdempotencyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key belongs to another request",
                "This Idempotency-Key was used in the last 24 hours with a different request. Use a new key for a new request.");
    }

    /** 409: the first request with this key has not finished yet. */
    static IdempotencyProblem stillInFlight() {
        return new IdempotencyProblem(HttpStatus.CONFLICT, "The first request with this Idempotency-Key is not finished",
                "A request with this Idempotency-Key is still being handled. Send it again in a moment to get its answer.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
