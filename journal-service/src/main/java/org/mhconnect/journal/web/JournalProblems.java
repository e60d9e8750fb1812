package org.mhconnect.journal.web;

import org.mhconnect.journal.checkin.CheckInNotFoundException;
import org.mhconnect.journal.checkin.InvalidCheckInException;
import org.mhconnect.journal.crypto.UnreadableDataException;
import org.mhconnect.journal.erasure.AccountErasedException;
import org.mhconnect.journal.entry.EntryNotFoundException;
import org.mhconnect.journal.entry.InvalidEntryException;
import org.mhconnect.journal.entry.StaleVersionException;
import org.mhconnect.journal.practice.CompletionNotFoundException;
import org.mhconnect.journal.practice.InvalidCompletionException;
import org.mhconnect.journal.safety.InvalidSafetyPlanException;
import org.mhconnect.journal.safety.SafetyPlanChangedException;
import org.mhconnect.journal.safety.SafetyPlanNotFoundException;
import org.mhconnect.journal.transfer.InvalidImportException;
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

    @ExceptionHandler(UnreadableDataException.class)
    ProblemDetail unreadable() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "This entry cannot be opened",
                "The stored entry does not open with your key. Nothing was changed; please tell us if this persists.");
    }

    @ExceptionHandler(CheckInNotFoundException.class)
    ProblemDetail checkInNotFound() {
        return problem(HttpStatus.NOT_FOUND, "Check-in not found", "There is no check-in with this id.");
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "The entry has changed",
                "This entry was changed since you read it. Read it again, then make your change.");
        problem.setProperty("currentVersion", ex.current());
        return problem;
    }

    @ExceptionHandler(InvalidEntryException.class)
    ProblemDetail invalidEntry(InvalidEntryException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The entry needs another look", ex.getMessage());
    }

    @ExceptionHandler(InvalidCheckInException.class)
    ProblemDetail invalidCheckIn(InvalidCheckInException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The check-in needs another look", ex.getMessage());
    }

    @ExceptionHandler(InvalidImportException.class)
    ProblemDetail invalidImport(InvalidImportException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The import was not accepted", ex.getMessage());
    }

    @ExceptionHandler(SafetyPlanNotFoundException.class)
    ProblemDetail safetyPlanNotFound() {
        return problem(HttpStatus.NOT_FOUND, "No safety plan yet",
                "There is no safety plan here yet. You can make one whenever you are ready.");
    }

    @ExceptionHandler(SafetyPlanChangedException.class)
    ProblemDetail safetyPlanChanged(SafetyPlanChangedException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "The safety plan has changed",
                "Your safety plan was changed somewhere else since you opened it. Read it again, then make your change.");
        ex.current().ifPresent(current -> problem.setProperty("currentVersion", current));
        return problem;
    }

    @ExceptionHandler(InvalidSafetyPlanException.class)
    ProblemDetail invalidSafetyPlan(InvalidSafetyPlanException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The safety plan needs another look", ex.getMessage());
    }

    @ExceptionHandler(CompletionNotFoundException.class)
    ProblemDetail completionNotFound() {
        return problem(HttpStatus.NOT_FOUND, "Practice not found", "There is no completed practice with this id.");
    }

    @ExceptionHandler(InvalidCompletionException.class)
    ProblemDetail invalidCompletion(InvalidCompletionException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The practice needs another look", ex.getMessage());
    }
}
