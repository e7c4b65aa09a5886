package org.chamberlain.scripting.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns command-line arguments (files and directories) into script paths. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /**
     * Files as given; for a directory, its {@code *.scs} files in alphabetical order (not recursive). Paths that
     * do not exist are kept, so that parsing reports them with their name.
     */
    public static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> listing = Files.list(argument)) {
                    listing.filter(p -> p.getFileName().toString().endsWith(".scs") && Files.isRegularFile(p))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(argument);
            }
        }
        return files;
    }

    /** Parses every file; never throws for bad input. */
    public static List<ParseResult> parseAll(List<Path> files) {
        ScriptParser parser = new ScriptParser();
        List<ParseResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(parser.parse(file));
        }
        return results;
    }
}
