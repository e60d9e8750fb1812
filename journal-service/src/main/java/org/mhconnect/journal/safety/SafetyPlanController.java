package org.mhconnect.journal.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own safety plan: read it, write it whole, or let it go. The caller is the token's subject. */
@RestController
@RequestMapping("/api/journal/safety-plan")
class SafetyPlanController {

    private final SafetyPlans plans;

    SafetyPlanController(SafetyPlans plans) {
        this.plans = plans;
    }

    /** The plan; 404 when the caller has not made one, so "no plan" and "an empty plan" stay different things. */
    @GetMapping
    SafetyPlanView read(@AuthenticationPrincipal(expression = "subject") String userId) {
        return plans.find(userId).map(SafetyPlanView::of).orElseThrow(SafetyPlanNotFoundException::new);
    }

    /** Writes the whole plan: the first one without {@code version}, a change with the version last read. */
    @PutMapping
    SafetyPlanView write(@AuthenticationPrincipal(expression = "subject") String userId,
            @Valid @RequestBody SafetyPlanRequest request) {
        return SafetyPlanView.of(plans.save(userId, request.plan(), request.version()));
    }

    /** Deletes the plan; with {@code version}, only if it is still the one last read. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestParam(required = false) @Min(0) Long version) {
        plans.delete(userId, version);
    }
}
