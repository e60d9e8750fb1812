package org.mhconnect.reminder;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.ArchitectureRules;

/**
 * The boundaries of reminder-service ({@link ArchitectureRules}). Reaching into another feature's documents is
 * frozen: ArchUnit's {@link FreezingArchRule} keeps the violations that existed when the rule came in
 * ({@code src/test/resources/archunit-frozen}), fails on any new one, and drops each one that is fixed.
 */
class ArchitectureTest {

    static final String ROOT = "org.mhconnect.reminder";
    static final JavaClasses CLASSES = ArchitectureRules.mainClassesOf(ROOT);

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
    }

    @Test
    void onlyConfigurationReadsTheSystemClock() {
        ArchitectureRules.onlyConfigurationReadsTheSystemClock().check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        ArchitectureRules.controllersArePackagePrivate().check(CLASSES);
    }

    @Test
    void noFeatureReachesAnotherFeaturesDocuments() {
        FreezingArchRule.freeze(ArchitectureRules.documentsStayInTheirFeature(ROOT)).check(CLASSES);
    }
}
