package org.mhconnect.journal.safety;

/** Named test data for safety plans: words unusual enough that finding them anywhere in the database means a leak. */
final class SafetyPlanFixtures {

    static final String WARNING_SIGN = "Cancelling plans with Quillon";
    static final String COPING = "Sketching tangerine lighthouses";
    static final String DISTRACTION = "The marigold allotment on Sundays";
    static final String CONTACT_NAME = "Aunt Perpetua";
    static final String CONTACT_PHONE = "+44 7700 900123";
    static final String PROFESSIONAL = "Doctor Ombrelle at the surgery";
    static final String PROFESSIONAL_URL = "https://example.org/ombrelle";
    static final String SAFER = "Leave the pill organiser with Perpetua";
    static final String REASON = "My nephew Thaddeus and his drum kit";

    /** Every word above that must never be stored in the clear. */
    static final String[] PRIVATE_WORDS = {"Quillon", "tangerine", "marigold", "Perpetua", "7700 900123", "Ombrelle",
        "pill organiser", "Thaddeus"};

    /** A plan with something in every section, as the first one (no version). */
    static final String A_PLAN = """
            {"warningSigns":["%s","Not sleeping"],
             "copingStrategies":["%s"],
             "distractions":["%s"],
             "contacts":[{"name":"%s","contact":"%s"}],
             "professionals":[{"name":"%s","phone":"0300 000 0000","url":"%s"}],
             "saferSurroundings":["%s"],
             "reasonForLiving":"%s"}""".formatted(WARNING_SIGN, COPING, DISTRACTION, CONTACT_NAME, CONTACT_PHONE,
            PROFESSIONAL, PROFESSIONAL_URL, SAFER, REASON);

    /** A change to a plan read at {@code version}: one more warning sign. */
    static String aChangedPlan(long version) {
        return """
                {"warningSigns":["%s","Not sleeping","Skipping meals"],"copingStrategies":["%s"],
                 "contacts":[{"name":"%s","contact":"%s"}],"version":%d}"""
                .formatted(WARNING_SIGN, COPING, CONTACT_NAME, CONTACT_PHONE, version);
    }

    private SafetyPlanFixtures() {
    }
}
