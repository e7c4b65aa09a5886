package org.chamberlain.scripting.report;

import java.io.PrintStream;
import java.util.Locale;
import org.chamberlain.scripting.match.Difference;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.run.ActionResult;
import org.chamberlain.scripting.run.Disposition;
import org.chamberlain.scripting.run.ReceivedStanza;
import org.chamberlain.scripting.run.ReplayListener;
import org.chamberlain.scripting.run.ScriptResult;
import org.chamberlain.scripting.run.Verdict;

/**
 * One line per script for people; for a failure also the expected stanza, the closest candidate and the first
 * difference. With {@code verbose}, every action and stanza. Called on the replay thread only.
 */
public final class HumanReport implements ReplayListener {
    private final PrintStream out;
    private final boolean verbose;

    public HumanReport(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        if (verbose) {
            out.println("  " + script.file() + ":" + action.line() + " " + action.describe());
        }
    }

    @Override
    public void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
        if (verbose) {
            out.println("    SEND " + account + ": " + xml);
        }
    }

    @Override
    public void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
            long arrivedAtNanos, long atNanos) {
        if (verbose) {
            out.println("    RECV " + stanza.account() + " (" + disposition.label() + "): " + stanza.xml());
        }
    }

    @Override
    public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
        if (verbose && result.message() != null && result.verdict() == Verdict.PASSED) {
            out.println("    note: " + result.message());
        }
    }

    @Override
    public void scriptFinished(Script script, ScriptResult result, long atNanos) {
        String time = String.format(Locale.ROOT, "%.1f ms", result.durationNanos() / 1e6);
        switch (result.verdict()) {
            case PASSED -> out.println("PASS  " + script.file() + " (" + time + ")");
            case SKIPPED -> out.println("SKIP  " + script.file());
            default -> {
                out.println((result.verdict() == Verdict.FAILED ? "FAIL  " : "ERROR ") + result.location() + " "
                        + result.failedAction().describe() + ": " + result.message());
                ActionResult failure = result.failure();
                if (failure.expectedXml() != null) {
                    out.println("      expected: " + indent(failure.expectedXml()));
                }
                if (failure.closest() != null) {
                    out.println("      closest:  " + indent(failure.closest().xml()));
                }
                if (failure.closestMatch() != null && failure.closestMatch().difference() != null) {
                    Difference difference = failure.closestMatch().difference();
                    out.println("      first difference at " + difference.path() + ": " + difference.sentence());
                }
            }
        }
    }

    private static String indent(String xml) {
        return xml.replace("\n", "\n                ");
    }
}
