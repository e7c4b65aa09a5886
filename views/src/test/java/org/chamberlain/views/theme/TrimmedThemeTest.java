package org.chamberlain.views.theme;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The app loads AtlantaFX's Primer theme without the rules of controls it never shows (start-up time): the
 * trimmed theme must keep every other rule as it is, and the app must not start using a trimmed control.
 */
class TrimmedThemeTest {

    @Test
    void aRuleLosesOnlyTheSelectorsThatNameAnUnusedControl() {
        String css = "/* comment { with braces } */\n"
                + ".button, .spinner > .increment-arrow-button { -fx-padding: 1px; }\n"
                + ".chart-plot-background { -fx-background-color: red; }\n"
                + ".date-picker-popup > .month-year-pane, .chart { -fx-padding: 2px; }\n"
                + ".label:hover { -fx-text-fill: blue; }\n";
        assertThat(TrimmedTheme.trim(css)).isEqualTo(".button { -fx-padding: 1px; }\n"
                + ".label:hover { -fx-text-fill: blue; }\n");
    }

    @Test
    void aClassThatOnlyStartsLikeAnUnusedOneIsKept() {
        // "tile" is trimmed, "title-3" (a typography class the app uses) is not; "tree-table" is, "tree-view" not.
        assertThat(TrimmedTheme.namesUnusedClass(".title-3")).isFalse();
        assertThat(TrimmedTheme.namesUnusedClass(".tree-view > .tree-cell")).isFalse();
        assertThat(TrimmedTheme.namesUnusedClass(".tile > .header")).isTrue();
        assertThat(TrimmedTheme.namesUnusedClass(".tree-table-view .column-header")).isTrue();
        assertThat(TrimmedTheme.namesUnusedClass(".progress-bar > .bar")).isFalse();
    }

    @Test
    void textTheTrimmerDoesNotUnderstandStopsTheBuild() {
        assertThatThrownBy(() -> TrimmedTheme.trim("@media screen { .button { -fx-padding: 1px; } }"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("Unexpected text");
    }

    @Test
    void theBuiltThemesKeepEveryRuleThatStylesAControlTheAppUses() throws IOException {
        for (boolean dark : new boolean[] {false, true}) {
            Optional<String> trimmed = TrimmedTheme.url(dark);
            assertThat(trimmed).as("made by the build: mvn -pl views process-classes").isPresent();
            List<String> kept = describe(new CssParser().parse(new URL(trimmed.get())));
            String full = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
            // AtlantaFX names its theme by class path resource, as JavaFX accepts it.
            List<String> expected = describe(new CssParser().parse(TrimmedThemeTest.class.getResource(full))).stream()
                    .filter(rule -> !rule.isEmpty()).toList();
            assertThat(expected).hasSizeGreaterThan(400);
            assertThat(kept).hasSameSizeAs(expected);
            for (int i = 0; i < kept.size(); i++) {
                assertThat(kept.get(i)).as("rule %d", i).isEqualTo(expected.get(i));
            }
            // JavaFX loads the binary form beside it: the same rules (values are encoded differently in it).
            URL binary = new URL(trimmed.get().replaceAll("\\.css$", ".bss"));
            assertThat(outline(Stylesheet.loadBinary(binary)))
                    .containsExactlyElementsOf(outline(new CssParser().parse(new URL(trimmed.get()))));
        }
    }

    @Test
    void theAppCreatesNoControlWhoseStylesAreTrimmed() {
        noClasses().that().resideInAPackage("org.chamberlain..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.DatePicker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ColorPicker")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Spinner")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Slider")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Pagination")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TreeTableView")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.SplitMenuButton")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TitledPane")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Accordion")
                .orShould().dependOnClassesThat().resideInAnyPackage("javafx.scene.chart..", "javafx.scene.web..",
                        "atlantafx.base.controls..")
                .because("TrimmedTheme leaves their rules out of the theme: take them off its UNUSED list first")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.chamberlain"));
    }

    /**
     * Each rule as the selectors the trimmer keeps and its declarations ("" for a rule it drops); a {@code url()}
     * value carries the stylesheet's own address, which differs between the two files by design.
     */
    private static List<String> describe(Stylesheet sheet) {
        String base = sheet.getUrl() == null ? null : sheet.getUrl().replaceAll("\\.[bc]ss$", "");
        return sheet.getRules().stream().map(TrimmedThemeTest::keptPart)
                .map(rule -> base == null ? rule : rule.replace(base, "THEME")).toList();
    }

    /** Each rule's selectors and the properties it sets. */
    private static List<String> outline(Stylesheet sheet) {
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " "
                + rule.getDeclarations().stream().map(d -> d.getProperty()).toList()).toList();
    }

    private static String keptPart(Rule rule) {
        List<String> selectors = rule.getSelectors().stream().map(Selector::toString)
                .filter(s -> !TrimmedTheme.namesUnusedClass(s)).toList();
        if (selectors.isEmpty()) {
            return "";
        }
        return selectors + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList();
    }
}
