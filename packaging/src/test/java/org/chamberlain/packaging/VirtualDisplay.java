package org.chamberlain.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private X server (Xvfb) for starting the desktop app in a test, with helpers to wait for its window and take
 * a screenshot. Closing it stops the server. Used from the JUnit thread only.
 */
final class VirtualDisplay implements AutoCloseable {
    /**
     * A window whose name mentions Chamberlain, with its size, in {@code xwininfo -tree} output, e.g.
     * {@code 0x200003 "Chamberlain": ("…" "…")  1200x760+40+13  +40+13}.
     */
    private static final Pattern APP_WINDOW =
            Pattern.compile("0x[0-9a-f]+ \"([^\"]*Chamberlain[^\"]*)\".*?\\s(\\d+)x(\\d+)[+-]");
    /** Smaller windows named Chamberlain are dialogs (the startup error alert has that title too). */
    private static final int MAIN_WINDOW_MIN_WIDTH = 640;
    private static final int MAIN_WINDOW_MIN_HEIGHT = 400;
    private static final Duration POLL = Duration.ofMillis(50);

    private final Process server;
    private final String display;

    private VirtualDisplay(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    static VirtualDisplay start() {
        for (String tool : new String[] {"Xvfb", "xwininfo", "import", "identify"}) {
            if (!onPath(tool)) {
                throw new AssertionError(tool + " is not on the PATH; the desktop app's check needs "
                        + "apt-get install -y xvfb x11-utils imagemagick");
            }
        }
        Path log = Command.newLogFile();
        // -displayfd: the server picks a free display number and writes it to stdout once it accepts clients.
        Process server = Command.of("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .start(log);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String written = Command.read(log).strip();
            Matcher number = Pattern.compile("(?m)^(\\d+)$").matcher(written);
            if (number.find()) {
                return new VirtualDisplay(server, ":" + number.group(1));
            }
            if (!server.isAlive()) {
                throw new AssertionError("Xvfb exited with " + server.exitValue() + ": " + written);
            }
            sleep(POLL);
        }
        Command.kill(server);
        throw new AssertionError("Xvfb did not report a display within 15 s: " + Command.read(log));
    }

    String name() {
        return display;
    }

    /**
     * Starts {@code launcher} on this display and waits until its window exists, it exits, or {@code limit}
     * passes. The returned start owns the process and must be stopped.
     */
    WindowStart launch(Path launcher, Path home, Duration limit) {
        Path log = Command.newLogFile();
        long started = System.nanoTime();
        Process app = Command.of(launcher.toString())
                .env("DISPLAY", display)
                .env("HOME", home.toString())
                .env("XDG_CACHE_HOME", home.resolve(".cache").toString())
                .start(log);
        long deadline = started + limit.toNanos();
        Optional<String> window = Optional.empty();
        while (window.isEmpty() && app.isAlive() && System.nanoTime() < deadline) {
            window = appWindow();
            if (window.isEmpty()) {
                sleep(POLL);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new WindowStart(app, log, window, elapsed);
    }

    Optional<String> appWindow() {
        Command.Result tree = Command.of("xwininfo", "-root", "-tree", "-display", display).run();
        if (!tree.succeeded()) {
            throw new AssertionError("xwininfo failed: " + tree);
        }
        Matcher matcher = APP_WINDOW.matcher(tree.output());
        while (matcher.find()) {
            int width = Integer.parseInt(matcher.group(2));
            int height = Integer.parseInt(matcher.group(3));
            if (width >= MAIN_WINDOW_MIN_WIDTH && height >= MAIN_WINDOW_MIN_HEIGHT) {
                return Optional.of(matcher.group(1) + " " + width + "x" + height);
            }
        }
        return Optional.empty();
    }

    void screenshot(Path png) {
        Command.Result shot = Command.of("import", "-display", display, "-window", "root", png.toString()).run();
        if (!shot.succeeded()) {
            throw new AssertionError("Screenshot failed: " + shot);
        }
    }

    void pause(Duration duration) {
        sleep(duration);
    }

    @Override
    public void close() {
        Command.kill(server);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting on the virtual display", e);
        }
    }

    /** The app started on the display: its window title if one appeared, and how long that took. */
    record WindowStart(Process process, Path log, Optional<String> window, Duration elapsed) {
        void stop() {
            Command.kill(process);
        }

        @Override
        public String toString() {
            String state = process.isAlive() ? "still running" : "exited with " + process.exitValue();
            return "app " + state + " after " + elapsed.toMillis() + " ms, window " + window.orElse("none")
                    + "; its output:\n" + Command.read(log);
        }
    }
}
