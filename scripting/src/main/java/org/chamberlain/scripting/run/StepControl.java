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
 * Connections stay open meanwhile; stanzas arriving during a pause wait in the sockets' buffers (the runner
 * thread, which reads them, is waiting for a command) and are read, and time-stamped, when the replay goes on.
 *
 * <p>Commands, one per line (see {@code docs/replay-events.md}): {@code step} (run the next action, then
 * pause again), {@code continue} (run to the next breakpoint), {@code run-to LINE} (run until the action on
 * LINE or a breakpoint), {@code break LINE}, {@code clear LINE} (change breakpoints while paused). End of
 * input means "continue without pausing again" (the controlling process went away).
 *
 * <p>A breakpoint is a line of every script ({@code 14}) or of one script ({@code path/to/a.scs:14}, for a
 * folder run where each file has its own); a script is recognised by its path, absolute and normalised.
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
    /** Breakpoints of one script: "absolute normalised path:line". */
    private final Set<String> fileBreakpoints = new java.util.HashSet<>();
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

    /**
     * As the other constructor, with breakpoints written {@code LINE} (every script) or {@code FILE:LINE}.
     *
     * @throws IllegalArgumentException if one is neither
     */
    public static StepControl withBreakpoints(ReplayListener delegate, BufferedReader commands,
            PauseListener onPause, Collection<String> breakpoints, boolean pauseAtStart, PrintStream messages) {
        StepControl control = new StepControl(delegate, commands, onPause, Set.of(), pauseAtStart, messages);
        for (String breakpoint : breakpoints) {
            if (!control.change(breakpoint, true)) {
                throw new IllegalArgumentException("'" + breakpoint + "' is not a breakpoint (LINE or FILE:LINE)");
            }
        }
        return control;
    }

    /** Adds or removes {@code LINE} or {@code FILE:LINE}; false if it is neither. */
    private boolean change(String breakpoint, boolean add) {
        int colon = breakpoint.lastIndexOf(':');
        Integer line = parseLine(breakpoint.substring(colon + 1));
        if (line == null || colon == 0) {
            return false;
        }
        if (colon < 0) {
            if (add) {
                breakpoints.add(line);
            } else {
                breakpoints.remove(line);
            }
            return true;
        }
        String key = fileKey(breakpoint.substring(0, colon)) + ":" + line;
        if (add) {
            fileBreakpoints.add(key);
        } else {
            fileBreakpoints.remove(key);
        }
        return true;
    }

    private static String fileKey(String file) {
        try {
            return java.nio.file.Path.of(file).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }

    private boolean isBreakpoint(Script script, Action action) {
        return breakpoints.contains(action.line())
                || !fileBreakpoints.isEmpty() && fileBreakpoints.contains(fileKey(script.file()) + ":" + action.line());
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        if (!detached && (stepping || isBreakpoint(script, action) || runTo == action.line())) {
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
                case "run-to" -> {
                    Integer target = words.length == 2 ? parseLine(words[1]) : null;
                    if (target == null) {
                        messages.println("replay: '" + line.strip() + "' needs one line number");
                    } else {
                        runTo = target;
                        return;
                    }
                }
                case "break", "clear" -> {
                    // A file path may contain spaces: everything after the command word is the breakpoint.
                    String breakpoint = line.strip().substring(words[0].length()).strip();
                    if (!change(breakpoint, words[0].equals("break"))) {
                        messages.println("replay: '" + line.strip() + "' needs LINE or FILE:LINE");
                    }
                }
                case "" -> {
                    // An empty line is not a command; keep waiting.
                }
                default -> messages.println("replay: unknown command '" + line.strip()
                        + "' (step, continue, run-to LINE, break [FILE:]LINE, clear [FILE:]LINE)");
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
