package org.chamberlain.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The jpackage app image in target/jpackage/image, before it goes into installers. */
@Tag("linux")
class AppImageIT {
    private final Path image = Build.imageDir();

    @Test
    void launcherPrintsTheProjectVersion() {
        Command.Result result = Command.of(image.resolve("bin/chamberlain").toString(), "--version").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.output()).as(result.toString()).contains("Chamberlain " + Build.projectVersion());
    }

    @Test
    void jvmRunsWithThePackagedOptions() {
        // The launcher ignores JDK_JAVA_OPTIONS, but the JVM itself reads JAVA_TOOL_OPTIONS: ask it for its flags.
        Command.Result result = Command.of(image.resolve("bin/chamberlain").toString(), "--version")
                .env("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.output()).as(result.toString())
                .contains("-XX:TieredStopAtLevel=1")
                .contains("-XX:+UseSerialGC")
                // The CDS archive is mapped where it was dumped, not relocated (docs/notes/packaging.md).
                .contains("-XX:ArchiveRelocationMode=0");
    }

    @Test
    void runtimeHoldsTheConfiguredModulesAndNoMore() throws IOException {
        Properties release = new Properties();
        try (Reader in = Files.newBufferedReader(image.resolve("lib/runtime/release"))) {
            release.load(in);
        }
        List<String> modules = Arrays.asList(release.getProperty("MODULES").replace("\"", "").split(" "));

        assertThat(modules).containsAll(Build.jlinkModules());
        // A full JDK would bring the compiler, the shell and 20 MB of locale data.
        assertThat(modules).doesNotContain("jdk.compiler", "jdk.jshell", "jdk.localedata");
        assertThat(image.resolve("lib/runtime/lib/server/classes.jsa")).as("CDS archive of the runtime").exists();
        assertThat(image.resolve("lib/runtime/lib/server/classes_nocoops.jsa")).doesNotExist();
    }

    @Test
    void javafxNativesSitBesideTheJavafxJars() {
        Path app = image.resolve("lib/app");
        assertThat(app.resolve("libglassgtk3.so")).exists();
        assertThat(app.resolve("libprism_sw.so")).exists();
        assertThat(app.resolve("libjavafx_font.so")).exists();
    }

    @Test
    void desktopEntryStartsTheLauncherWithTheIcon() throws IOException {
        List<String> entry = Files.readAllLines(image.resolve("lib/app/chamberlain.desktop"));

        String exec = value(entry, "Exec");
        String icon = value(entry, "Icon");
        assertThat(exec).isEqualTo("/opt/chamberlain/bin/chamberlain");
        assertThat(image.resolve(exec.substring("/opt/chamberlain/".length()))).isExecutable();
        assertThat(image.resolve(icon.substring("/opt/chamberlain/".length()))).exists();
        assertThat(value(entry, "Type")).isEqualTo("Application");
        assertThat(value(entry, "Terminal")).isEqualTo("false");
    }

    static String value(List<String> desktopEntry, String key) {
        return desktopEntry.stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + key + "= line in the desktop entry " + desktopEntry));
    }
}
