package org.chamberlain.views.console;

import java.util.List;

/**
 * Checks a script's text and returns its problems as values. Called off the FX thread on a snapshot of
 * the editor's text; implementations must be thread-safe and must not throw for bad scripts.
 */
@FunctionalInterface
public interface ScriptChecker {
    /** A checker that finds nothing (used until a parser is available). */
    ScriptChecker NONE = text -> List.of();

    List<ScriptProblem> check(String text);
}
