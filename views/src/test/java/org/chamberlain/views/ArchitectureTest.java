package org.chamberlain.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DEVELOPERS.md, checked on the compiled classes of every module (views sees them all
 * on its classpath): the core never reaches JavaFX, and nothing depends on the UI.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.chamberlain");
    }

    @Test
    void coreModulesNeverReachJavaFx() {
        noClasses().that().resideInAnyPackage("org.chamberlain.app..", "org.chamberlain.scripting..",
                        "org.chamberlain.prosody..", "org.chamberlain.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.fxmisc..", "atlantafx..")
                .because("app and scripting are plain libraries, usable without a UI")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheViews() {
        noClasses().that().resideOutsideOfPackage("org.chamberlain.views..")
                .should().dependOnClassesThat().resideInAPackage("org.chamberlain.views..")
                .because("views is the top of the graph")
                .check(classes);
    }

    @Test
    void coreClassesWereImported() {
        // Guards the rules above against passing vacuously when a module's classes are not on the path.
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.chamberlain.app"))
                .anyMatch(p -> p.startsWith("org.chamberlain.prosody"));
    }
}
