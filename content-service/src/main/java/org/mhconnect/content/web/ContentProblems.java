package org.mhconnect.content.web;

import org.mhconnect.content.library.ItemNotFoundException;
import org.mhconnect.problems.StandardProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** content-service's problem details. */
@RestControllerAdvice
class ContentProblems extends StandardProblems {

    @ExceptionHandler(ItemNotFoundException.class)
    ProblemDetail itemNotFound() {
        return problem(HttpStatus.NOT_FOUND, "Item not found", "There is no published item with this slug.");
    }
}
