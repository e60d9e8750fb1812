package org.mhconnect.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The boundaries every service keeps, checked by ArchUnit from each service's {@code ArchitectureTest}. A feature is a
 * package directly under the service's root ({@code org.mhconnect.journal.entry}); its sub-packages belong to it.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The service's main classes (no tests). */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Features do not depend on each other in a circle. */
    public static ArchRule noCyclesBetweenFeatures(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .as("features of " + rootPackage + " depend on each other without cycles");
    }

    /**
     * Time comes from the {@code Clock} bean, so that tests can move it: only configuration (a {@code @Configuration}
     * class) may ask the system clock.
     */
    public static ArchRule onlyConfigurationReadsTheSystemClock() {
        return noClasses().that().areNotMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
                .should(callTheWallClock())
                .as("only configuration reads the system clock; everything else uses the Clock bean");
    }

    /** Controllers are reached over HTTP only, never called as Java from another package. */
    public static ArchRule controllersArePackagePrivate() {
        return ArchRuleDefinition.classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().notBePublic()
                .as("controllers are package-private");
    }

    /**
     * A feature's stored shape ({@code *Document}) is its own: another feature reaches its data through its public
     * types, never its documents.
     */
    public static ArchRule documentsStayInTheirFeature(String rootPackage) {
        return noClasses().should(reachAnotherFeaturesDocument(rootPackage))
                .as("no feature of " + rootPackage + " reaches another feature's *Document");
    }

    private static ArchCondition<JavaClass> callTheWallClock() {
        DescribedPredicate<JavaMethodCall> wallClock = new DescribedPredicate<>("a call of the system clock") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
                return owner.equals(Clock.class.getName()) && (name.equals("systemUTC") || name.equals("systemDefaultZone"))
                        || noArguments && name.equals("now") && (owner.equals(Instant.class.getName())
                                || owner.equals(LocalDate.class.getName()) || owner.equals(LocalDateTime.class.getName())
                                || owner.equals(ZonedDateTime.class.getName()) || owner.equals(OffsetDateTime.class.getName()))
                        || owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
            }
        };
        return new ArchCondition<>("call the system clock") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    if (wallClock.test(call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> reachAnotherFeaturesDocument(String rootPackage) {
        return new ArchCondition<>("reach another feature's *Document") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String feature = featureOf(rootPackage, item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String targetFeature = featureOf(rootPackage, target.getPackageName());
                    if (target.getSimpleName().endsWith("Document") && targetFeature != null
                            && !targetFeature.equals(feature)) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String featureOf(String rootPackage, String packageName) {
        if (!packageName.startsWith(rootPackage + ".")) {
            return null;
        }
        String rest = packageName.substring(rootPackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
