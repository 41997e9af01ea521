package dev.crm.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries, as executable rules. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crm");
    }

    @Test
    void commandSideNeverDependsOnQuerySideOrTheWebLayer() {
        noClasses().that().resideInAPackage("dev.crm.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.query..", "dev.crm.web..")
                .check(classes);
    }

    @Test
    void querySideNeverDependsOnCommandSideOrTheWebLayer() {
        noClasses().that().resideInAPackage("dev.crm.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.command..", "dev.crm.web..")
                .check(classes);
    }

    @Test
    void sharedEventsDependOnNothingOfOursAndNoFramework() {
        noClasses().that().resideInAPackage("dev.crm.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.command..", "dev.crm.query..",
                        "dev.crm.web..", "org.axonframework..", "org.springframework..", "jakarta.persistence..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
