package org.chamberlain.views.console;

import org.chamberlain.views.console.replay.ReplayEvent.Difference;

/**
 * The failed action shown under the editor: where, why, and for a {@code receives} the expected stanza and
 * the closest one received, both pretty-printed, with the first differing line of each. Immutable.
 *
 * @param firstDifferingLine 0-based line in both pretty texts where they first differ, -1 if unknown
 */
public record Failure(String file, int line, String actor, String verb, String message, String expected,
        String closest, Difference difference, int firstDifferingLine) {

    static Failure of(String file, int line, String actor, String verb, String message, String expectedXml,
            String closestXml, Difference difference) {
        String expected = expectedXml == null ? "" : XmlPretty.format(expectedXml);
        String closest = closestXml == null ? "" : XmlPretty.format(closestXml);
        int first = expectedXml == null ? -1 : XmlPretty.firstDifferingLine(expected, closest);
        return new Failure(file, line, actor, verb, message, expected, closest, difference, first);
    }

    /** One sentence for the status line: {@code line 20: Romeo receives — attribute type is missing}. */
    public String summary() {
        String why = difference != null && difference.sentence() != null ? difference.sentence() : message;
        return "line " + line + ": " + actor + " " + verb + " — " + why;
    }
}
