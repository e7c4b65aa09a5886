package org.chamberlain.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the Maven build hands to the packaging tests (system properties set in packaging/pom.xml). */
final class Build {
    private Build() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the packaging tests "
                    + "through Maven (mvn -pl packaging -am verify), which sets it");
        }
        return value;
    }

    /** The Maven project version, e.g. 0.1.0-SNAPSHOT (what {@code chamberlain --version} prints). */
    static String projectVersion() {
        return property("packaging.project.version");
    }

    /** The version packages carry: the project version without -SNAPSHOT. */
    static String packageVersion() {
        return property("packaging.package.version");
    }

    static Path inputDir() {
        return Path.of(property("packaging.input.dir"));
    }

    static Path imageDir() {
        return Path.of(property("packaging.image.dir"));
    }

    static Path workDir() {
        try {
            return Files.createDirectories(Path.of(property("packaging.work.dir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> jlinkModules() {
        return List.of(property("packaging.jlink.modules").split(","));
    }

    /** The one installer with this file name ending in target/installers, e.g. {@code ".deb"}. */
    static Path installer(String suffix) {
        Path dir = Path.of(property("packaging.installers.dir"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("Expected one *" + suffix + " in " + dir + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the installers in " + dir + ": " + e.getMessage(), e);
        }
    }
}
