package org.mhconnect.journal;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.ArchitectureRules;

/** The boundaries of journal-service ({@link ArchitectureRules}), all kept in full. */
class ArchitectureTest {

    static final String ROOT = "org.mhconnect.journal";
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
        ArchitectureRules.documentsStayInTheirFeature(ROOT).check(CLASSES);
    }
}
