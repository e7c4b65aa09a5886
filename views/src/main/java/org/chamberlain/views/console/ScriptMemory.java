package org.chamberlain.views.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the script console keeps between sessions, in a folder of its own under the configuration directory:
 * the recently used files, and the editor's text whenever it differs from its file (a <em>draft</em>), so that
 * closing the window, a crash or a killed process loses no edit; the console offers the draft again when it
 * next opens.
 *
 * <p>Threads: called on the FX thread. Writes go to {@code background} (one thread, so they happen in the order
 * they were asked for); reads happen on the caller's thread (small files, once when the console opens). A write
 * that fails is reported to {@code problems} on the background thread.
 */
public final class ScriptMemory {
    private static final String RECENT = "recent.txt";
    private static final String DRAFT = "draft.scs";
    private static final String DRAFT_OF = "draft-of.txt";
    private final Path directory;
    private final Executor background;
    private final Consumer<String> problems;

    /** An edited text that was not saved, and the file it was the text of (none for a new script). */
    public record Draft(Optional<Path> file, String text) {
    }

    public ScriptMemory(Path directory, Executor background, Consumer<String> problems) {
        this.directory = directory;
        this.background = background;
        this.problems = problems;
    }

    /** The recent files, most recent first; empty when nothing was remembered or it cannot be read. */
    public List<Path> recent() {
        List<Path> files = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(directory.resolve(RECENT), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    files.add(Path.of(line.strip()));
                }
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // Nothing remembered yet (or a damaged list): the menu starts empty, which is what a first run shows.
            return List.of();
        }
        return files;
    }

    public void rememberRecent(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(file.toAbsolutePath()).append('\n');
        }
        String content = text.toString();
        background.execute(() -> write(RECENT, content, "the list of recent scripts"));
    }

    /** The draft left by an earlier session, if any. */
    public Optional<Draft> draft() {
        Path draft = directory.resolve(DRAFT);
        if (!Files.isRegularFile(draft)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(draft, StandardCharsets.UTF_8);
            Path of = directory.resolve(DRAFT_OF);
            String original = Files.isRegularFile(of) ? Files.readString(of, StandardCharsets.UTF_8).strip() : "";
            return Optional.of(new Draft(original.isEmpty() ? Optional.empty() : Optional.of(Path.of(original)),
                    text));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            problems.accept("Cannot read the unsaved script kept from the last session (" + draft + "): "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps {@code text} as the draft of {@code file} (null: a script not saved yet). */
    public void keepDraft(Path file, String text) {
        String of = file == null ? "" : file.toAbsolutePath().toString();
        background.execute(() -> {
            write(DRAFT_OF, of, "the unsaved script's file name");
            write(DRAFT, text, "the unsaved script");
        });
    }

    /** Forgets the draft: the editor's text is saved, or was thrown away on purpose. */
    public void forgetDraft() {
        background.execute(() -> {
            try {
                Files.deleteIfExists(directory.resolve(DRAFT));
                Files.deleteIfExists(directory.resolve(DRAFT_OF));
            } catch (IOException e) {
                problems.accept("Cannot remove the kept copy of the unsaved script: " + e.getMessage());
            }
        });
    }

    /** Writes whole or not at all: a crash during the write leaves the previous version. */
    private void write(String name, String content, String what) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(name);
            Path partial = directory.resolve(name + ".part");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            problems.accept("Cannot keep " + what + " in " + directory + ": " + e.getMessage());
        }
    }
}
