package org.mhconnect.journal.web;

import org.mhconnect.journal.entry.AccountErasedException;
import org.mhconnect.journal.entry.EntryNotFoundException;
import org.mhconnect.problems.StandardProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** journal-service's problem details. None of them ever quotes what someone wrote. */
@RestControllerAdvice
class JournalProblems extends StandardProblems {

    @ExceptionHandler(AccountErasedException.class)
    ProblemDetail accountErased() {
        return problem(HttpStatus.FORBIDDEN, "This account has been deleted",
                "The journal of this account has been erased, so nothing more can be written to it.");
    }

    @ExceptionHandler(EntryNotFoundException.class)
    ProblemDetail entryNotFound() {
        return problem(HttpStatus.NOT_FOUND, "Entry not found", "There is no journal entry with this id.");
    }
}
