package org.chamberlain.scripting.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;

/**
 * Pauses a replay before chosen actions and waits for commands, so a GUI driving {@code replay --events} as a
 * child process can step through a script. A decorator of the run's listener: before forwarding
 * {@link #actionStarted}, it decides whether to pause (paused at start, stepping, a breakpoint line, or the
 * target of {@code run-to}); if so it reports the pause and blocks the runner's thread until a command arrives.
 * Connections stay live meanwhile; stanzas arriving during a pause wait in their queues.
 *
 * <p>Commands, one per line (see {@code docs/replay-events.md}): {@code step} (run the next action, then
 * pause again), {@code continue} (run to the next breakpoint), {@code run-to LINE} (run until the action on
 * LINE or a breakpoint), {@code break LINE}, {@code clear LINE} (change breakpoints while paused). End of
 * input means "continue without pausing again" (the controlling process went away).
 *
 * <p>Threads: every listener method is called on the runner's thread, as {@link ReplayListener} says; the
 * commands are read on that thread too, only while paused.
 */
public final class StepControl extends ForwardingReplayListener {

    /** Told when the replay pauses, before the action on {@code action.line()} runs ({@code atNanos} as in
     * {@link ReplayListener}). */
    @FunctionalInterface
    public interface PauseListener {
        void paused(Script script, Action action, long atNanos);
    }

    private final BufferedReader commands;
    private final PauseListener onPause;
    private final PrintStream messages;
    private final Set<Integer> breakpoints;
    private boolean stepping;
    private int runTo;
    private boolean detached;

    /**
     * @param breakpoints 1-based lines to pause before (in every script of the run)
     * @param pauseAtStart pause before the first action
     * @param messages where unknown commands are reported (stderr in the command line)
     */
    public StepControl(ReplayListener delegate, BufferedReader commands, PauseListener onPause,
            Collection<Integer> breakpoints, boolean pauseAtStart, PrintStream messages) {
        super(delegate);
        this.commands = Objects.requireNonNull(commands);
        this.onPause = Objects.requireNonNull(onPause);
        this.messages = Objects.requireNonNull(messages);
        this.breakpoints = new TreeSet<>(breakpoints);
        this.stepping = pauseAtStart;
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        if (!detached && (stepping || breakpoints.contains(action.line()) || runTo == action.line())) {
            stepping = false;
            runTo = 0;
            onPause.paused(script, action, atNanos);
            waitForCommand();
        }
        super.actionStarted(script, action, atNanos);
    }

    private void waitForCommand() {
        while (true) {
            String line;
            try {
                line = commands.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                detached = true;
                return;
            }
            String[] words = line.strip().split("\\s+");
            switch (words[0]) {
                case "step" -> {
                    stepping = true;
                    return;
                }
                case "continue" -> {
                    return;
                }
                case "run-to", "break", "clear" -> {
                    Integer target = words.length == 2 ? parseLine(words[1]) : null;
                    if (target == null) {
                        messages.println("replay: '" + line.strip() + "' needs one line number");
                    } else if (words[0].equals("run-to")) {
                        runTo = target;
                        return;
                    } else if (words[0].equals("break")) {
                        breakpoints.add(target);
                    } else {
                        breakpoints.remove(target);
                    }
                }
                case "" -> {
                    // An empty line is not a command; keep waiting.
                }
                default -> messages.println("replay: unknown command '" + line.strip()
                        + "' (step, continue, run-to LINE, break LINE, clear LINE)");
            }
        }
    }

    private static Integer parseLine(String word) {
        try {
            int line = Integer.parseInt(word);
            return line > 0 ? line : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
