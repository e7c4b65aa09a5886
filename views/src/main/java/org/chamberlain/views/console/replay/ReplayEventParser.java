package org.chamberlain.views.console.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chamberlain.views.console.replay.ReplayEvent.ActionFinished;
import org.chamberlain.views.console.replay.ReplayEvent.ActionStarted;
import org.chamberlain.views.console.replay.ReplayEvent.Difference;
import org.chamberlain.views.console.replay.ReplayEvent.Disposition;
import org.chamberlain.views.console.replay.ReplayEvent.Paused;
import org.chamberlain.views.console.replay.ReplayEvent.Problem;
import org.chamberlain.views.console.replay.ReplayEvent.RunFinished;
import org.chamberlain.views.console.replay.ReplayEvent.RunStarted;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptFinished;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptInfo;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptSkipped;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptStarted;
import org.chamberlain.views.console.replay.ReplayEvent.Stanza;
import org.chamberlain.views.console.replay.ReplayEvent.Unrecognised;
import org.chamberlain.views.console.replay.ReplayEvent.Verdict;

/**
 * Turns one stdout line of {@code replay --events} into a {@link ReplayEvent}. Unknown fields are ignored
 * (the schema allows additions); an unknown event or a line that is not JSON becomes {@link Unrecognised}
 * rather than an exception. Stateless and thread-safe: the driver's reader thread calls it.
 */
public final class ReplayEventParser {
    private final ObjectMapper json = new ObjectMapper();

    public ReplayEvent parse(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return new Unrecognised(line, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new Unrecognised(line, "not a JSON object");
        }
        String event = text(node, "event");
        if (event == null) {
            return new Unrecognised(line, "no \"event\" field");
        }
        double t = node.path("t").asDouble(0);
        String file = text(node, "file");
        int lineNumber = node.path("line").asInt(0);
        return switch (event) {
            case "parse-error", "parse-warning" -> new Problem(file, lineNumber, node.path("column").asInt(0),
                    text(node, "message"), event.equals("parse-error"));
            case "run-started" -> new RunStarted(t, scripts(node.path("scripts")));
            case "script-started" -> new ScriptStarted(t, file, node.path("index").asInt(), text(node, "title"));
            case "script-skipped" -> new ScriptSkipped(file, text(node, "reason"));
            case "action-started" -> new ActionStarted(t, file, lineNumber, node.path("index").asInt(),
                    text(node, "actor"), text(node, "verb"));
            case "action-finished" -> new ActionFinished(t, file, lineNumber, node.path("index").asInt(),
                    text(node, "actor"), text(node, "verb"), Verdict.of(text(node, "verdict")),
                    node.path("ms").asDouble(), text(node, "message"), text(node, "expected"),
                    text(node, "closest"), difference(node.get("difference")));
            case "stanza-sent" -> new Stanza(t, file, lineNumber, text(node, "account"), true, text(node, "xml"),
                    t, Disposition.NONE);
            case "stanza-received" -> new Stanza(t, file, lineNumber, text(node, "account"), false,
                    text(node, "xml"), node.path("arrivedT").asDouble(t),
                    Disposition.of(text(node, "disposition")));
            case "script-finished" -> new ScriptFinished(t, file, Verdict.of(text(node, "verdict")),
                    node.path("ms").asDouble(), lineNumber, text(node, "message"));
            case "run-finished" -> new RunFinished(t, node.path("passed").asInt(), node.path("failed").asInt(),
                    node.path("errors").asInt(), node.path("skipped").asInt(), node.path("replayMs").asDouble());
            case "paused" -> new Paused(t, file, lineNumber, node.path("index").asInt());
            default -> new Unrecognised(line, "unknown event \"" + event + "\"");
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Difference difference(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new Difference(text(node, "path"), text(node, "expected"), text(node, "received"),
                text(node, "sentence"));
    }

    private static List<ScriptInfo> scripts(JsonNode array) {
        List<ScriptInfo> scripts = new ArrayList<>();
        for (JsonNode script : array) {
            Map<String, String> tags = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = script.path("tags").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> tag = fields.next();
                tags.put(tag.getKey(), tag.getValue().asText());
            }
            scripts.add(new ScriptInfo(text(script, "file"), text(script, "title"), tags));
        }
        return scripts;
    }
}
