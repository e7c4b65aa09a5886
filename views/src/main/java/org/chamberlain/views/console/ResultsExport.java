package org.chamberlain.views.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.chamberlain.views.console.replay.ReplayEvent.Verdict;

/** Writes a folder run's results as JUnit XML (for CI dashboards) or JSON. Pure; any thread. */
public final class ResultsExport {
    private ResultsExport() {
    }

    public static String junitXml(String suiteName, List<ScriptResult> results) {
        long failures = results.stream().filter(r -> r.verdict() == Verdict.FAILED).count();
        long errors = results.stream().filter(r -> r.verdict() == Verdict.ERROR).count();
        long skipped = results.stream().filter(r -> r.verdict() == Verdict.SKIPPED).count();
        double seconds = results.stream().mapToDouble(ScriptResult::ms).sum() / 1000.0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT,
                "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                escape(suiteName), results.size(), failures, errors, skipped, seconds));
        for (ScriptResult result : results) {
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape(suiteName), escape(result.file()), result.ms() / 1000.0));
            String where = result.file() + (result.line() > 0 ? ":" + result.line() : "");
            String message = result.message() == null ? "" : result.message();
            switch (result.verdict()) {
                case PASSED -> xml.append("/>\n");
                case SKIPPED -> xml.append(">\n    <skipped/>\n  </testcase>\n");
                case FAILED -> xml.append(">\n    <failure message=\"").append(escape(where + ": " + message))
                        .append("\">").append(escape(message)).append("</failure>\n  </testcase>\n");
                default -> xml.append(">\n    <error message=\"").append(escape(where + ": " + message))
                        .append("\">").append(escape(message)).append("</error>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    public static String json(List<ScriptResult> results) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (ScriptResult result : results) {
            ObjectNode node = array.addObject();
            node.put("file", result.file());
            node.put("title", result.title());
            node.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT));
            node.put("ms", result.ms());
            if (result.line() > 0) {
                node.put("line", result.line());
            }
            if (result.message() != null) {
                node.put("message", result.message());
            }
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", results.stream().filter(r -> r.verdict() == Verdict.PASSED).count());
        root.put("failed", results.stream().filter(r -> r.verdict() != Verdict.PASSED
                && r.verdict() != Verdict.SKIPPED).count());
        root.set("scripts", array);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Results cannot be written as JSON", e);
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
