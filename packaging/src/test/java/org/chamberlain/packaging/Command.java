package org.chamberlain.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external program run by a packaging test, with a time limit. Output (stdout and stderr together) goes to a
 * file, so no thread has to drain pipes; a program that outlives its limit is killed with its children.
 *
 * <p>Called from the JUnit thread only.
 */
final class Command {
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);

    private Command(List<String> arguments) {
        this.arguments.addAll(arguments);
    }

    static Command of(String... arguments) {
        return new Command(List.of(arguments));
    }

    Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Runs to completion (or kills it at the time limit) and returns what happened. */
    Result run() {
        Path log = newLogFile();
        Process process = start(log);
        long started = System.nanoTime();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new IllegalStateException("Interrupted while running " + arguments, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (!finished) {
            kill(process);
        }
        return new Result(arguments, finished ? process.exitValue() : -1, !finished, read(log), elapsed);
    }

    /** Starts the program and leaves it running; the caller owns it and must {@link #kill} it. */
    Process start(Path log) {
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + arguments + ": " + e.getMessage(), e);
        }
    }

    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path newLogFile() {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            return Files.createTempFile(dir, "command-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit status, output and duration of one run; {@code toString()} is written for failure messages. */
    record Result(List<String> arguments, int exitCode, boolean timedOut, String output, Duration elapsed) {
        boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        String lastLine() {
            String[] lines = output.strip().split("\\R");
            return lines[lines.length - 1].strip();
        }

        @Override
        public String toString() {
            return String.join(" ", arguments) + (timedOut ? " timed out" : " exited with " + exitCode)
                    + " after " + elapsed.toMillis() + " ms; output:\n" + output;
        }
    }
}
