package org.mhconnect.journal.safety;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The safety plan as its owner sees it, with the version to send back when changing it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SafetyPlanView(List<String> warningSigns, List<String> copingStrategies, List<String> distractions,
        List<SafetyPlan.Contact> contacts, List<SafetyPlan.Professional> professionals, List<String> saferSurroundings,
        String reasonForLiving, Instant createdAt, Instant updatedAt, long version) {

    static SafetyPlanView of(SafetyPlans.Stored stored) {
        SafetyPlan plan = stored.plan();
        return new SafetyPlanView(plan.warningSigns(), plan.copingStrategies(), plan.distractions(), plan.contacts(),
                plan.professionals(), plan.saferSurroundings(), plan.reasonForLiving(), stored.createdAt(),
                stored.updatedAt(), stored.version());
    }

    @Override
    public String toString() {
        return "SafetyPlanView[version=" + version + "]";
    }
}
