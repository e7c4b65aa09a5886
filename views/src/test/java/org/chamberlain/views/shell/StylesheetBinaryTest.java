package org.chamberlain.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * JavaFX loads {@code chamberlain.bss} instead of parsing {@code chamberlain.css} when both are on the class
 * path (views/pom.xml makes the binary one at every build, for the start-up): it must say what the text says.
 */
class StylesheetBinaryTest {
    private static final String CSS = "/org/chamberlain/views/chamberlain.css";
    private static final String BSS = "/org/chamberlain/views/chamberlain.bss";

    @Test
    void theBinaryStylesheetHasTheRulesOfTheTextOne() throws IOException {
        URL text = getClass().getResource(CSS);
        URL binary = getClass().getResource(BSS);
        assertThat(binary).as("%s beside %s (made by the build: mvn -pl views process-classes)", BSS, CSS)
                .isNotNull();
        List<Rule> parsed = new CssParser().parse(text).getRules();
        List<Rule> loaded = Stylesheet.loadBinary(binary).getRules();
        assertThat(parsed).hasSizeGreaterThan(10);
        assertThat(loaded).extracting(StylesheetBinaryTest::describe)
                .containsExactlyElementsOf(parsed.stream().map(StylesheetBinaryTest::describe).toList());
    }

    /** Selectors and declarations (a binary rule decodes its declarations on first use, not in toString). */
    private static String describe(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList();
    }
}
