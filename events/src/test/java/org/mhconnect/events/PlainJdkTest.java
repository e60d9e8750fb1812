package org.mhconnect.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Every service reads these records, so they depend on nothing but the JDK: no framework decides their shape. */
class PlainJdkTest {

    @Test
    void eventsDependOnTheJdkAlone() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.mhconnect.events..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.mhconnect.events"));
    }
}
