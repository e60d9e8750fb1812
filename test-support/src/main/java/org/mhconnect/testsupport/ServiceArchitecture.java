package org.mhconnect.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The boundaries every service keeps ({@link ArchitectureRules}), as tests: a service's {@code ArchitectureTest}
 * extends this with its root package. A service still reaching into other features' documents passes
 * {@code documentsFrozen}: ArchUnit's {@link FreezingArchRule} then keeps the violations recorded when the rule came
 * in ({@code src/test/resources/archunit-frozen}), fails on any new one, and drops each one that is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitecture {

    private final String root;
    private final boolean documentsFrozen;
    private final JavaClasses classes;

    protected ServiceArchitecture(String root, boolean documentsFrozen) {
        this.root = root;
        this.documentsFrozen = documentsFrozen;
        this.classes = ArchitectureRules.mainClassesOf(root);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ArchitectureRules.noCyclesBetweenFeatures(root).check(classes);
    }

    @Test
    void onlyConfigurationReadsTheSystemClock() {
        ArchitectureRules.onlyConfigurationReadsTheSystemClock().check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        ArchitectureRules.controllersArePackagePrivate().check(classes);
    }

    @Test
    void noFeatureReachesAnotherFeaturesDocuments() {
        ArchRule rule = ArchitectureRules.documentsStayInTheirFeature(root);
        (documentsFrozen ? FreezingArchRule.freeze(rule) : rule).check(classes);
    }
}
