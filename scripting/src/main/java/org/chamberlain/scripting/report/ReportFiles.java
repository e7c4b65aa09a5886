package org.chamberlain.scripting.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.chamberlain.scripting.match.Difference;
import org.chamberlain.scripting.run.ActionResult;
import org.chamberlain.scripting.run.RunResult;
import org.chamberlain.scripting.run.ScriptResult;
import org.chamberlain.scripting.run.Verdict;
import org.chamberlain.scripting.xml.XmlWriter;

/** Machine-readable reports of a finished run: JSON, and JUnit XML for CI servers. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static void writeJson(RunResult result, Path file) throws IOException {
        StringBuilder scripts = new StringBuilder("[");
        for (ScriptResult script : result.scripts()) {
            if (scripts.length() > 1) {
                scripts.append(',');
            }
            Json json = Json.object().put("file", script.script().file()).put("title", script.script().title())
                    .put("verdict", script.verdict().label()).millis("ms", script.durationNanos());
            if (script.failedAction() != null) {
                ActionResult failure = script.failure();
                json.put("line", script.failedAction().line()).put("action", script.failedAction().describe())
                        .put("message", failure.message()).put("expected", failure.expectedXml())
                        .put("closest", failure.closest() == null ? null : failure.closest().xml());
                if (failure.closestMatch() != null && failure.closestMatch().difference() != null) {
                    Difference difference = failure.closestMatch().difference();
                    json.raw("difference", Json.object().put("path", difference.path())
                            .put("expected", difference.expected()).put("received", difference.received())
                            .put("sentence", difference.sentence()).toString());
                }
            }
            scripts.append(json);
        }
        scripts.append(']');
        String text = Json.object().put("passed", result.count(Verdict.PASSED))
                .put("failed", result.count(Verdict.FAILED)).put("errors", result.count(Verdict.ERROR))
                .millis("replayMs", result.replayNanos()).raw("scripts", scripts.toString()) + "\n";
        write(file, text);
    }

    public static void writeJunit(RunResult result, Path file) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = result.count(Verdict.FAILED);
        long errors = result.count(Verdict.ERROR);
        xml.append("<testsuite name=\"scansion\" tests=\"").append(result.scripts().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(seconds(result.replayNanos())).append("\">\n");
        for (ScriptResult script : result.scripts()) {
            String scriptFile = script.script().file();
            String name = Path.of(scriptFile).getFileName().toString();
            xml.append("  <testcase classname=\"scansion\" name=\"").append(XmlWriter.escapeAttribute(name))
                    .append("\" file=\"").append(XmlWriter.escapeAttribute(scriptFile)).append("\" time=\"")
                    .append(seconds(script.durationNanos())).append('"');
            if (script.verdict() == Verdict.PASSED) {
                xml.append("/>\n");
                continue;
            }
            String element = script.verdict() == Verdict.FAILED ? "failure" : "error";
            ActionResult failure = script.failure();
            StringBuilder detail = new StringBuilder();
            detail.append(script.location()).append(' ').append(script.failedAction().describe()).append('\n');
            if (failure.expectedXml() != null) {
                detail.append("expected: ").append(failure.expectedXml()).append('\n');
            }
            if (failure.closest() != null) {
                detail.append("closest:  ").append(failure.closest().xml()).append('\n');
            }
            if (failure.closestMatch() != null && failure.closestMatch().difference() != null) {
                detail.append("first difference: ").append(failure.closestMatch().difference()).append('\n');
            }
            xml.append(">\n    <").append(element).append(" message=\"")
                    .append(XmlWriter.escapeAttribute(script.location() + ": " + failure.message())).append("\">");
            XmlWriter.escape(detail.toString(), false, xml);
            xml.append("</").append(element).append(">\n  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        write(file, xml.toString());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
