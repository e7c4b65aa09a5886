package org.chamberlain.views.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Test;

/** The editor's off-thread computation, without a toolkit. */
class ScriptEditorSpansTest {

    @Test
    void spansCoverTheWholeTextAndUnderlineProblemsFromTheirColumn() {
        String text = "[Client] A\n\tjid: a@b\n\nA dances\n";
        ScriptEditor.Highlight highlight = ScriptEditor.compute(text,
                t -> List.of(new ScriptProblem(4, 3, "Unknown verb 'dances'")));

        assertThat(highlight.spans().length()).isEqualTo(text.length());
        int position = 0;
        StringBuilder underlined = new StringBuilder();
        for (StyleSpan<Collection<String>> span : highlight.spans()) {
            if (span.getStyle().contains(ScriptEditor.PROBLEM_CLASS)) {
                underlined.append(text, position, position + span.getLength());
            }
            position += span.getLength();
        }
        assertThat(underlined.toString()).isEqualTo("dances");
        assertThat(highlight.problems()).extracting(ScriptProblem::line).containsExactly(4);
    }

    @Test
    void emptyTextGivesAnEmptySpanList() {
        assertThat(ScriptEditor.compute("", ScriptChecker.NONE).spans().length()).isZero();
    }
}
