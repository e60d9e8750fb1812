package org.mhconnect.reminder.web;

import org.mhconnect.reminder.definition.InvalidReminderException;
import org.mhconnect.reminder.journaling.InvalidRangeException;
import org.mhconnect.reminder.definition.ReminderNotFoundException;
import org.mhconnect.reminder.definition.StaleReminderException;
import org.mhconnect.reminder.definition.TooManyRemindersException;
import org.mhconnect.reminder.schedule.InvalidScheduleException;
import org.mhconnect.problems.StandardProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** reminder-service's problem details. */
@RestControllerAdvice
class ReminderProblems extends StandardProblems {

    @ExceptionHandler(InvalidScheduleException.class)
    ProblemDetail invalidSchedule(InvalidScheduleException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The schedule needs another look", ex.reason());
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "schedule." + ex.field(), "message", ex.reason())));
        return problem;
    }

    @ExceptionHandler(InvalidReminderException.class)
    ProblemDetail invalidReminder(InvalidReminderException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The reminder needs another look", ex.getMessage());
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(ReminderNotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "Reminder not found", "There is no reminder of yours with this id.");
    }

    @ExceptionHandler(StaleReminderException.class)
    ProblemDetail stale(StaleReminderException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "The reminder has changed",
                "This reminder was changed since you read it. Read it again, then make your change.");
        problem.setProperty("currentVersion", ex.current());
        return problem;
    }

    @ExceptionHandler(TooManyRemindersException.class)
    ProblemDetail tooMany() {
        return problem(HttpStatus.CONFLICT, "You have 50 reminders already",
                "That is the most one person can have. Remove one you no longer need, then add this one.");
    }

    @ExceptionHandler(org.mhconnect.reminder.actions.ActionLinks.InvalidLinkException.class)
    ProblemDetail invalidLink() {
        return problem(HttpStatus.BAD_REQUEST, "This link is not valid",
                "The link may have been cut short or changed. Open the reminder in the app instead.");
    }

    @ExceptionHandler(org.mhconnect.reminder.actions.ActionLinks.ExpiredLinkException.class)
    ProblemDetail expiredLink() {
        return problem(HttpStatus.GONE, "This link has expired",
                "Links in reminders work for a week. You can snooze, skip or stop the reminder in the app.");
    }

    @ExceptionHandler(org.mhconnect.reminder.actions.GoneReminderException.class)
    ProblemDetail goneReminder() {
        return problem(HttpStatus.GONE, "This reminder no longer exists", "It was removed, so there is nothing to change.");
    }

    @ExceptionHandler(org.mhconnect.reminder.channel.webhook.NoWebhookException.class)
    ProblemDetail noWebhook() {
        return problem(HttpStatus.NOT_FOUND, "No webhook is set up", "Set up a webhook first; then you can rotate its secret or test it.");
    }

    @ExceptionHandler(InvalidRangeException.class)
    ProblemDetail invalidRange(InvalidRangeException ex) {
        return problem(HttpStatus.BAD_REQUEST, "The date range needs another look", ex.getMessage());
    }
}
