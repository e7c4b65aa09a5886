package org.chamberlain.scripting.parse;

import java.util.List;

/**
 * The outcome of parsing one file: a script when there are no errors, and every error and warning found.
 *
 * @param script null when {@code errors} is not empty
 */
public record ParseResult(String file, Script script, List<ScriptProblem> errors, List<ScriptProblem> warnings) {
    public ParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
