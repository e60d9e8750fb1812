package org.mhconnect.journal.safety;

import org.mhconnect.problems.text.MultiLine;
import org.mhconnect.problems.text.SingleLine;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mhconnect.journal.safety.SafetyPlan.Contact;
import org.mhconnect.journal.safety.SafetyPlan.Professional;

/**
 * A whole safety plan, as {@code PUT /api/journal/safety-plan} takes it: it replaces the plan there was. Every
 * section holds at most {@value SafetyPlan#ITEMS} items; each item of a text section is 1 to {@value SafetyPlan#TEXT}
 * characters.
 *
 * @param version the version last read; absent for a person's first plan
 */
record SafetyPlanRequest(
        @Size(max = SafetyPlan.ITEMS) List<@NotBlank @Size(max = SafetyPlan.TEXT) @SingleLine String> warningSigns,
        @Size(max = SafetyPlan.ITEMS) List<@NotBlank @Size(max = SafetyPlan.TEXT) @SingleLine String> copingStrategies,
        @Size(max = SafetyPlan.ITEMS) List<@NotBlank @Size(max = SafetyPlan.TEXT) @SingleLine String> distractions,
        @Size(max = SafetyPlan.ITEMS) List<@NotNull @Valid Contact> contacts,
        @Size(max = SafetyPlan.ITEMS) List<@NotNull @Valid Professional> professionals,
        @Size(max = SafetyPlan.ITEMS) List<@NotBlank @Size(max = SafetyPlan.TEXT) @SingleLine String> saferSurroundings,
        @Size(max = 500) @MultiLine String reasonForLiving,
        @Min(0) Long version) {

    SafetyPlan plan() {
        return new SafetyPlan(warningSigns, copingStrategies, distractions, contacts, professionals, saferSurroundings,
                reasonForLiving);
    }

    static SafetyPlanRequest of(SafetyPlan plan) {
        return new SafetyPlanRequest(plan.warningSigns(), plan.copingStrategies(), plan.distractions(), plan.contacts(),
                plan.professionals(), plan.saferSurroundings(), plan.reasonForLiving(), null);
    }

    @Override
    public String toString() {
        return "SafetyPlanRequest[version=" + version + "]";
    }
}
