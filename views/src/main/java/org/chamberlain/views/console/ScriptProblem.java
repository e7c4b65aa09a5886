package org.chamberlain.views.console;

/**
 * A problem found in a script, for underlining in the editor: 1-based {@code line} and {@code column}
 * (column 0 = the whole line) and a sentence a person understands. Immutable.
 */
public record ScriptProblem(int line, int column, String message) {
}
