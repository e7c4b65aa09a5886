package org.chamberlain.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The jlink runtime is trimmed to a hand-kept module list (jlink.modules in packaging/pom.xml). A new dependency
 * that needs another JDK module would fail only at run time on someone's desktop; jdeps finds it here first.
 */
@Tag("linux")
class RuntimeModulesIT {

    @Test
    void everyJdkModuleTheClasspathNeedsIsInTheRuntime() throws IOException {
        Map<String, TreeSet<String>> neededBy = jdkModulesNeeded(Build.inputDir());

        assertThat(neededBy).as("jdeps found no JDK module at all, so it did not read the jars").isNotEmpty();
        Map<String, TreeSet<String>> missing = new TreeMap<>(neededBy);
        missing.keySet().removeAll(Build.jlinkModules());
        assertThat(missing)
                .as("JDK modules the runtime classpath needs but jlink.modules in packaging/pom.xml lacks "
                        + "(module = jars that need it); add them there")
                .isEmpty();
    }

    /** JDK module name → the jars that depend on it, from {@code jdeps -summary}. */
    private static Map<String, TreeSet<String>> jdkModulesNeeded(Path input) throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.list(input)) {
            jars = files.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().toList();
        }
        List<String> arguments = new ArrayList<>(List.of("--multi-release", "17", "--ignore-missing-deps",
                "-summary", "--class-path", String.join(":", jars)));
        arguments.addAll(jars);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("jdeps is missing: the build must run on a JDK"));
        StringWriter output = new StringWriter();
        int status;
        try (PrintWriter writer = new PrintWriter(output)) {
            status = jdeps.run(writer, writer, arguments.toArray(String[]::new));
        }
        assertThat(status).as("jdeps failed:\n" + output).isZero();

        ModuleFinder jdk = ModuleFinder.ofSystem();
        return output.toString().lines()
                .map(line -> line.split(" -> "))
                .filter(parts -> parts.length == 2)
                .map(parts -> new String[] {parts[0].strip(), parts[1].strip()})
                .filter(parts -> jdk.find(parts[1]).isPresent())
                .collect(Collectors.groupingBy(parts -> parts[1], TreeMap::new,
                        Collectors.mapping(parts -> parts[0], Collectors.toCollection(TreeSet::new))));
    }
}
