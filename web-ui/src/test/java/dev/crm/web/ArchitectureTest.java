package dev.crm.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.query..", "dev.crm.app..", "dev.crm.web..")
                .check(classes);
    }

    @Test
    void querySideNeverDependsOnCommandSideOrTheWebLayer() {
        noClasses().that().resideInAPackage("dev.crm.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.command..", "dev.crm.app..", "dev.crm.web..")
                .check(classes);
    }

    @Test
    void sharedEventsDependOnNothingOfOursAndNoFramework() {
        noClasses().that().resideInAPackage("dev.crm.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.command..", "dev.crm.query..",
                        "dev.crm.app..", "dev.crm.web..", "org.axonframework..", "org.springframework..", "jakarta.persistence..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void theApplicationLayerKnowsNothingOfHttpOrPages() {
        noClasses().that().resideInAPackage("dev.crm.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.crm.web..", "org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..", "org.thymeleaf..")
                .check(classes);
    }

    /** Pages and API controllers ask the use cases; they neither send commands nor write SQL themselves. */
    @Test
    void theWebLayerLeavesCommandsAndSqlToTheApplicationLayer() {
        noClasses().that().resideInAPackage("dev.crm.web..")
                .and().resideOutsideOfPackages("dev.crm.web.config..", "dev.crm.web.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                        "org.springframework.jdbc..", "org.springframework.transaction..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Aggregate")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .orShould().dependOnClassesThat().haveSimpleName("CommandSender")
                .check(classes);
    }

    @Test
    void theQuerySidePackagesFormNoLoop() {
        slices().matching("dev.crm.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theApplicationPackagesFormNoLoop() {
        slices().matching("dev.crm.app.(*)..").should().beFreeOfCycles().check(classes);
    }
}
