package org.chamberlain.views.console;

import org.chamberlain.views.console.replay.ReplayEvent.Difference;

/**
 * The failed action shown under the editor: where, why, and for a {@code receives} the expected stanza and
 * the closest one received, both pretty-printed, with the first differing line of each. Immutable.
 *
 * @param expectedLine 0-based line of {@code expected} where the first difference is, -1 if unknown
 * @param closestLine  the same in {@code closest}
 */
public record Failure(String file, int line, String actor, String verb, String message, String expected,
        String closest, Difference difference, int expectedLine, int closestLine) {

    static Failure of(String file, int line, String actor, String verb, String message, String expectedXml,
            String closestXml, Difference difference) {
        String expected = expectedXml == null ? "" : XmlPretty.format(expectedXml);
        String closest = closestXml == null ? "" : XmlPretty.format(closestXml);
        int expectedLine = -1;
        int closestLine = -1;
        if (difference != null && difference.path() != null) {
            // The matcher's path names the element that differs; find it on each side.
            expectedLine = XmlPretty.lineOfPath(expected, difference.path());
            closestLine = XmlPretty.lineOfPath(closest, difference.path());
        }
        if (expectedLine < 0 && expectedXml != null) {
            expectedLine = XmlPretty.firstDifferingLine(expected, closest);
            closestLine = expectedLine;
        }
        return new Failure(file, line, actor, verb, message, expected, closest, difference, expectedLine,
                closestLine);
    }

    /** One sentence for the status line: {@code line 20: Romeo receives — attribute type is missing}. */
    public String summary() {
        String why = difference != null && difference.sentence() != null ? difference.sentence() : message;
        return "line " + line + ": " + actor + " " + verb + " — " + why;
    }
}
