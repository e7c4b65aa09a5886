package org.chamberlain.views.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, without initialising, the classes the desktop app needs until its main window is complete
 * (listed in {@value #LIST}), on a thread of its own while the main thread starts the JavaFX toolkit and the
 * FX thread builds the window. Without an AppCDS archive, reading and parsing those ~2,400 classes (JavaFX's
 * among them: on the class path they come from jars) was about 400 ms of the FX thread's CPU until the
 * complete window (docs/benchmarks.md, "Start-up (branch ui-startup, session 3)"); here it runs on the second
 * core, ahead of the threads that need the classes. Nothing is initialised, so no static initialiser runs
 * outside the thread that would have run it anyway (JavaFX's controls install the default theme from theirs,
 * and JavaFX's CSS registries are plain HashMaps).
 *
 * <p>A class that is no longer there is skipped: the list only makes the start faster, never changes what the
 * app does ({@code StartupClassListTest} fails when the list names a class that does not exist). Started and
 * closed by {@link AppLauncher} on the main thread.
 */
final class ClassPreloader implements AutoCloseable {
    /** Class names, one per line, in the order the app first needed them (views/record-startup-classes.sh). */
    static final String LIST = "startup-classes.txt";
    /** {@code false} switches the preloading off. */
    static final String PROPERTY = "chamberlain.preloadClasses";

    /** Null when there is nothing to preload (switched off, or no list). */
    private final Thread thread;

    private ClassPreloader(List<String> names, ClassLoader loader) {
        if (names.isEmpty()) {
            thread = null;
            return;
        }
        thread = new Thread(() -> preload(names, loader), "class-preloader");
        thread.setDaemon(true);
        // Below the FX and main threads: it should use a free core, not take one from them.
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts preloading the listed classes; switched off or without a list, no thread. Main thread. */
    static ClassPreloader start() {
        // The installed package turns it off: its AppCDS archive already holds these classes, and looking
        // them up once more only costs CPU.
        boolean wanted = Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
        ClassPreloader preloader = new ClassPreloader(wanted ? names() : List.of(),
                ClassPreloader.class.getClassLoader());
        if (preloader.thread != null) {
            preloader.thread.start();
        }
        return preloader;
    }

    /** The listed class names, or none if the list is missing. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return names;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            // Only a slower start: the classes load on first use as they always did.
            return List.of();
        }
        return names;
    }

    private void preload(List<String> names, ClassLoader loader) {
        for (String name : names) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // A stale entry: the class loads (or fails) on first use, exactly as without the list.
                continue;
            }
        }
    }

    /** Stops preloading if it is still running and waits for the thread to end. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
