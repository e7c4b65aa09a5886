package org.chamberlain.views.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The {@code .scs} editor: a RichTextFX code area with highlighting and problem underlines computed off the
 * FX thread (debounced, latest wins), and a gutter with breakpoints, line numbers and each action's verdict
 * and time. All methods are called on the FX thread.
 */
public final class ScriptEditor {
    static final String CURRENT_LINE_CLASS = "scs-current";
    static final String PROBLEM_CLASS = "scs-problem";

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> node = new VirtualizedScrollPane<>(area);
    private final ObservableSet<Integer> breakpoints = FXCollections.observableSet();
    private final Map<Integer, ActionMark> marks = new HashMap<>();
    private final ObservableList<ScriptProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper currentLine = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper highlightGeneration = new ReadOnlyIntegerWrapper(0);
    private final LatestWins<String, Highlight> highlighter;
    private boolean gutterRefreshScheduled;

    /**
     * @param background where highlighting and checking run (the app's task runner)
     * @param checker    finds problems to underline; called on {@code background}
     */
    public ScriptEditor(Executor background, ScriptChecker checker) {
        area.getStyleClass().add("scs-editor");
        area.setParagraphGraphicFactory(this::gutter);
        highlighter = new LatestWins<>(Duration.millis(120), background,
                text -> compute(text, checker), this::apply, this::checkerFailed);
        area.multiPlainChanges().subscribe(changes -> highlighter.request(area.getText()));
        breakpoints.addListener((javafx.collections.SetChangeListener<Integer>) change -> refreshGutter());
    }

    /** The node to put into a scene. */
    public Node node() {
        return node;
    }

    public CodeArea area() {
        return area;
    }

    public String text() {
        return area.getText();
    }

    /** Replaces the whole text (e.g. a file was opened) and highlights at once. */
    public void setText(String text) {
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.showParagraphAtTop(0);
        highlighter.requestNow(text);
    }

    /** 1-based lines with a breakpoint; the view model reads them when a run starts. */
    public ObservableSet<Integer> breakpoints() {
        return breakpoints;
    }

    public void toggleBreakpoint(int line) {
        if (!breakpoints.remove(line)) {
            breakpoints.add(line);
        }
    }

    /** Problems found by the last check, ordered by line. */
    public ObservableList<ScriptProblem> problems() {
        return problems;
    }

    /** Increments each time a highlight result was applied (tests wait on it). */
    public ReadOnlyIntegerProperty highlightGenerationProperty() {
        return highlightGeneration.getReadOnlyProperty();
    }

    /** The 1-based line of the action that runs now, 0 for none. */
    public ReadOnlyIntegerProperty currentLineProperty() {
        return currentLine.getReadOnlyProperty();
    }

    /** Marks the action on {@code line} (1-based) as the current one and scrolls to it; 0 clears. */
    public void setCurrentLine(int line) {
        int previous = currentLine.get();
        if (previous > 0 && previous <= area.getParagraphs().size()) {
            area.setParagraphStyle(previous - 1, Collections.emptyList());
        }
        currentLine.set(line);
        if (line > 0 && line <= area.getParagraphs().size()) {
            area.setParagraphStyle(line - 1, List.of(CURRENT_LINE_CLASS));
            area.showParagraphInViewport(line - 1);
        }
    }

    /** Moves the caret to {@code line} (1-based) and scrolls there: "jump to the script line". */
    public void jumpTo(int line) {
        if (line > 0 && line <= area.getParagraphs().size()) {
            area.moveTo(line - 1, 0);
            area.showParagraphAtCenter(line - 1);
            area.requestFocus();
        }
    }

    public void setMark(int line, ActionMark mark) {
        marks.put(line, mark);
        refreshGutter();
    }

    public ActionMark mark(int line) {
        return marks.get(line);
    }

    /** A copy of all marks, by 1-based line. */
    public Map<Integer, ActionMark> marks() {
        return Map.copyOf(marks);
    }

    /** Replaces every mark at once (one gutter refresh). */
    public void setMarks(Map<Integer, ActionMark> all) {
        marks.clear();
        marks.putAll(all);
        refreshGutter();
    }

    public void clearMarks() {
        marks.clear();
        setCurrentLine(0);
        refreshGutter();
    }

    /** Re-creates the visible gutter cells once per pulse, however many marks changed in it. */
    private void refreshGutter() {
        if (gutterRefreshScheduled) {
            return;
        }
        gutterRefreshScheduled = true;
        javafx.application.Platform.runLater(() -> {
            gutterRefreshScheduled = false;
            // A new function instance makes the area rebuild the graphics of the visible paragraphs only.
            area.setParagraphGraphicFactory(this::gutter);
        });
    }

    private Node gutter(int index) {
        int line = index + 1;
        Label breakpoint = new Label(breakpoints.contains(line) ? "●" : " ");
        breakpoint.getStyleClass().add("scs-gutter-breakpoint");
        breakpoint.setMinWidth(14);
        Label number = new Label(Integer.toString(line));
        number.getStyleClass().add("scs-gutter-number");
        number.setMinWidth(34);
        number.setAlignment(Pos.CENTER_RIGHT);
        Label verdict = new Label();
        verdict.getStyleClass().add("scs-gutter-verdict");
        verdict.setMinWidth(64);
        ActionMark mark = marks.get(line);
        if (mark != null) {
            verdict.setText(mark.label());
            verdict.getStyleClass().add(mark.verdict().styleClass());
        }
        HBox box = new HBox(2, breakpoint, number, verdict);
        box.getStyleClass().add("scs-gutter");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setOnMouseClicked(e -> toggleBreakpoint(line));
        box.setId("gutter-" + line);
        return box;
    }

    /** The result of one highlighting pass, computed off the FX thread. */
    record Highlight(String text, StyleSpans<Collection<String>> spans, List<ScriptProblem> problems) {
    }

    static Highlight compute(String text, ScriptChecker checker) {
        List<ScsToken> tokens = ScsHighlighter.tokens(text);
        List<ScriptProblem> found = new ArrayList<>(checker.check(text));
        found.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return new Highlight(text, spans(text, tokens, problemRanges(text, found)), List.copyOf(found));
    }

    /** Character ranges to underline: from the problem's column to the end of its line. */
    static List<int[]> problemRanges(String text, List<ScriptProblem> problems) {
        List<ScsHighlighter.Line> lines = ScsHighlighter.lines(text);
        List<int[]> ranges = new ArrayList<>();
        for (ScriptProblem problem : problems) {
            if (problem.line() < 1 || problem.line() > lines.size()) {
                continue;
            }
            ScsHighlighter.Line line = lines.get(problem.line() - 1);
            int column = Math.max(1, problem.column());
            int start = line.offset() + Math.min(column - 1, line.text().length());
            int end = line.offset() + line.text().length();
            if (end == start && start > line.offset()) {
                start--;
            }
            if (end > start) {
                ranges.add(new int[] {start, end});
            }
        }
        return ranges;
    }

    static StyleSpans<Collection<String>> spans(String text, List<ScsToken> tokens, List<int[]> problemRanges) {
        // Boundaries of every token and problem range; each piece between two boundaries has one style set.
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (ScsToken token : tokens) {
            cuts.add(token.start());
            cuts.add(token.end());
        }
        for (int[] range : problemRanges) {
            cuts.add(range[0]);
            cuts.add(range[1]);
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int tokenIndex = 0;
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null) {
                int from = previous;
                while (tokenIndex < tokens.size() && tokens.get(tokenIndex).end() <= from) {
                    tokenIndex++;
                }
                List<String> styles = new ArrayList<>(2);
                if (tokenIndex < tokens.size() && tokens.get(tokenIndex).start() <= from) {
                    styles.add(tokens.get(tokenIndex).kind().styleClass());
                }
                for (int[] range : problemRanges) {
                    if (range[0] <= from && from < range[1]) {
                        styles.add(PROBLEM_CLASS);
                        break;
                    }
                }
                builder.add(styles, cut - from);
            }
            previous = cut;
        }
        if (text.isEmpty()) {
            builder.add(Collections.emptyList(), 0);
        }
        return builder.create();
    }

    private void apply(Highlight highlight) {
        if (!highlight.text().equals(area.getText())) {
            return;
        }
        area.setStyleSpans(0, highlight.spans());
        problems.setAll(highlight.problems());
        highlightGeneration.set(highlightGeneration.get() + 1);
    }

    private void checkerFailed(Throwable error) {
        problems.setAll(List.of(new ScriptProblem(1, 0, "The script checker failed: " + error.getMessage())));
    }
}
