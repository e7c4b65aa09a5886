package org.chamberlain.views.console;

import org.chamberlain.views.console.replay.ReplayEvent.Disposition;

/**
 * One stanza in a traffic tab. Immutable, except that its pretty-printed form is computed on first display
 * (only visible rows pay for it) and cached; that happens on the FX thread.
 *
 * @param t    milliseconds since the run started (arrival time for received stanzas)
 * @param line the script line of the action that sent or took it, 0 if none
 */
public final class TrafficEntry {
    private final double t;
    private final boolean sent;
    private final String xml;
    private final Disposition disposition;
    private final int line;
    private String pretty;
    private String row;

    public TrafficEntry(double t, boolean sent, String xml, Disposition disposition, int line) {
        this.t = t;
        this.sent = sent;
        this.xml = xml == null ? "" : xml;
        this.disposition = disposition;
        this.line = line;
    }

    public double t() {
        return t;
    }

    public boolean sent() {
        return sent;
    }

    public String xml() {
        return xml;
    }

    public Disposition disposition() {
        return disposition;
    }

    public int line() {
        return line;
    }

    public String pretty() {
        if (pretty == null) {
            pretty = XmlPretty.format(xml);
        }
        return pretty;
    }

    /** The stanza on one line, at most 200 characters. */
    public String oneLine() {
        String flat = xml.indexOf('\n') < 0 ? xml : xml.replaceAll("\\s*\n\\s*", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** The traffic list's row: {@code 0.123 s → line 9 ✓ <message …>}; computed once. */
    public String rowText() {
        if (row == null) {
            String what = switch (disposition) {
                case SATISFIED -> "✓ matched line " + line;
                case SKIPPED -> "· skipped at line " + line;
                case UNCONSUMED -> "· never taken";
                default -> line > 0 ? "  line " + line : "";
            };
            row = timeLabel() + (sent ? "  → " : "  ← ") + String.format(java.util.Locale.ROOT, "%-24s", what)
                    + oneLine();
        }
        return row;
    }

    /** {@code 12.345 s} style time for the row header. */
    public String timeLabel() {
        return String.format(java.util.Locale.ROOT, "%9.3f s", t / 1000.0);
    }
}
