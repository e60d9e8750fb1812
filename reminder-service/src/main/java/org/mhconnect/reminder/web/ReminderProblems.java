package org.mhconnect.reminder.web;

import org.mhconnect.problems.StandardProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** reminder-service's problem details. */
@RestControllerAdvice
class ReminderProblems extends StandardProblems {

    @ExceptionHandler(InvalidRangeException.class)
    ProblemDetail invalidRange(InvalidRangeException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The date range needs another look", ex.getMessage());
    }
}
