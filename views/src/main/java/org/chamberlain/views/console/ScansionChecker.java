package org.chamberlain.views.console;

import java.util.ArrayList;
import java.util.List;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.ScriptParser;

/**
 * Checks editor text with the replayer's own parser, so the underlines show exactly the errors a run would
 * report. Thread-safe (the parser is stateless); called off the FX thread.
 */
public final class ScansionChecker implements ScriptChecker {
    private final ScriptParser parser = new ScriptParser();

    @Override
    public List<ScriptProblem> check(String text) {
        ParseResult result = parser.parse("script", text);
        List<ScriptProblem> problems = new ArrayList<>();
        result.errors().forEach(p -> problems.add(new ScriptProblem(p.line(), p.column(), p.message())));
        result.warnings().forEach(p -> problems.add(new ScriptProblem(p.line(), p.column(),
                "warning: " + p.message())));
        return problems;
    }
}
