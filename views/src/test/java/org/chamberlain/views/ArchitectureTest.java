package org.chamberlain.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/DESIGN.md, checked on the compiled classes of every module on the views
 * classpath: the core never reaches a UI toolkit, nothing depends on the views, and views never talk to
 * Smack except through one narrow adapter package.
 */
class ArchitectureTest {
    /** The only views package allowed to see Smack types (e.g. to pass a connection to app/ services). */
    static final String SMACK_ADAPTER = "org.chamberlain.views.adapter..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.chamberlain");
    }

    @Test
    void coreModulesNeverDependOnJavaFx() {
        noClasses().that().resideInAnyPackage("org.chamberlain.app..", "org.chamberlain.scripting..",
                        "org.chamberlain.prosody..", "org.chamberlain.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "org.fxmisc..", "atlantafx..")
                .because("app/, scripting/ and prosody/ must be usable without a UI toolkit")
                .check(classes);
    }

    @Test
    void nothingOutsideViewsDependsOnViews() {
        noClasses().that().resideOutsideOfPackage("org.chamberlain.views..")
                .should().dependOnClassesThat().resideInAPackage("org.chamberlain.views..")
                .because("views/ is the outermost layer")
                .check(classes);
    }

    @Test
    void viewsNeverTalkToSmack() {
        noClasses().that().resideInAPackage("org.chamberlain.views..")
                .and().resideOutsideOfPackage(SMACK_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage("org.jivesoftware..", "org.jxmpp..")
                .because("views go through app/ services; view models translate")
                .check(classes);
    }

    @Test
    void theRulesSeeTheClassesTheyCheck() {
        // Guards against a rule passing only because the importer found nothing (e.g. a classpath change).
        for (String module : new String[] {"views", "app", "prosody"}) {
            String prefix = "org.chamberlain." + module;
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                    .filter(c -> c.getPackageName().startsWith(prefix)).count())
                    .as("classes imported from %s", prefix).isPositive();
        }
    }
}
