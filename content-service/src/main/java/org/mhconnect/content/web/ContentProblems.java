package org.mhconnect.content.web;

import org.mhconnect.content.editor.EditorProblemsException;
import org.mhconnect.content.editor.StaleVersionException;
import org.mhconnect.content.library.ItemNotFoundException;
import org.mhconnect.content.recommendation.UnknownEmotionException;
import org.mhconnect.content.saved.TooManySavedItemsException;
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

    @ExceptionHandler(EditorProblemsException.class)
    ProblemDetail editorProblem(EditorProblemsException ex) {
        return problem(ex.status(), ex.title(), ex.getMessage());
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "The item has changed",
                "Someone changed this item since you opened it. Open it again to see their change, then make yours.");
        problem.setProperty("currentVersion", ex.current());
        return problem;
    }

    @ExceptionHandler(UnknownEmotionException.class)
    ProblemDetail unknownEmotion() {
        return problem(HttpStatus.BAD_REQUEST, "Some parameters need another look",
                "'emotions' must be codes from the journal's vocabulary (GET /api/journal/emotions).");
    }

    @ExceptionHandler(TooManySavedItemsException.class)
    ProblemDetail tooManySaved() {
        return problem(HttpStatus.CONFLICT, "Your saved list is full",
                "You can keep up to 500 saved items. Remove one you no longer need, then save this one.");
    }
}
