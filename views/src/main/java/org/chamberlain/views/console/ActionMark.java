package org.chamberlain.views.console;

/**
 * What the gutter shows beside one action of a script: its verdict and, once finished, how long it took.
 * Immutable.
 */
public record ActionMark(Verdict verdict, long millis) {

    /** The state of one action during a replay. */
    public enum Verdict {
        RUNNING("scs-gutter-running", "…"),
        PASSED("scs-gutter-passed", "✓"),
        FAILED("scs-gutter-failed", "✗"),
        ERROR("scs-gutter-failed", "!"),
        SKIPPED("scs-gutter-skipped", "–");

        private final String styleClass;
        private final String symbol;

        Verdict(String styleClass, String symbol) {
            this.styleClass = styleClass;
            this.symbol = symbol;
        }

        public String styleClass() {
            return styleClass;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The gutter text, e.g. {@code ✓ 3 ms}. */
    public String label() {
        return verdict == Verdict.RUNNING ? symbol() : verdict.symbol() + " " + millis + " ms";
    }

    private String symbol() {
        return verdict.symbol();
    }
}
