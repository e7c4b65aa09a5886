package org.chamberlain.scripting.parse;

import java.util.Objects;

/**
 * A problem in a script file at a line and column (both 1-based), with a sentence a person understands.
 * Syntax errors and warnings are values: a parse returns all of them at once.
 */
public record ScriptProblem(String file, int line, int column, String message) {
    public ScriptProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
