package org.chamberlain.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * What a command prints: sentences for people by default; with {@code --json} one JSON object on stdout at the
 * end ({@code "ok"}, the command's fields, and {@code "error"} when it failed). Errors always also go to stderr
 * in plain words. Used on the command's thread only.
 */
final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final ObjectNode result = JSON.createObjectNode();

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean isJson() {
        return json;
    }

    /** A line for people (nothing in JSON mode). */
    void line(String text) {
        if (!json) {
            out.println(text);
        }
    }

    /** A warning: stderr in both modes, and a {@code warnings} array in JSON. */
    void warn(String text) {
        err.println("Warning: " + text);
        if (json) {
            result.withArray("warnings").add(text);
        }
    }

    /** The JSON result object to fill (ignored in text mode). */
    ObjectNode json() {
        return result;
    }

    ObjectMapper mapper() {
        return JSON;
    }

    /** Reports a failure in plain words. */
    void error(String condition, String message) {
        err.println("chamberlain rooms: " + message);
        if (json) {
            ObjectNode error = result.putObject("error");
            error.put("condition", condition);
            error.put("message", message);
        }
    }

    /** Prints the JSON object (JSON mode) and flushes; returns the exit code. */
    int finish(int exitCode) {
        if (json) {
            result.put("ok", exitCode == ExitCodes.OK);
            result.put("exitCode", exitCode);
            try {
                out.println(JSON.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot print the JSON result", e);
            }
        }
        out.flush();
        err.flush();
        return exitCode;
    }
}
