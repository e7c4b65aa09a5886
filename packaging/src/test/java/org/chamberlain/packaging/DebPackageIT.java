package org.chamberlain.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The .deb as a file: metadata, contents and maintainer scripts (installing it is InstalledDebIT's job). */
@Tag("linux")
class DebPackageIT {
    static final long SIZE_LIMIT_BYTES = 60L * 1024 * 1024;

    private final Path deb = Build.installer(".deb");

    @Test
    void controlFieldsNameVersionVendorAndGtk() {
        assertThat(field("Package")).isEqualTo("chamberlain");
        assertThat(field("Version")).isEqualTo(Build.packageVersion() + "-1").doesNotContain("SNAPSHOT");
        assertThat(field("Maintainer")).contains("The Chamberlain authors");
        assertThat(field("Description")).contains("XMPP group chats");
        assertThat(field("Section")).isEqualTo("net");
        // JavaFX loads GTK 3 with dlopen, which jpackage's library scan cannot see.
        assertThat(field("Depends").split(",\\s*")).contains("libgtk-3-0");
    }

    @Test
    void installsTheAppUnderOptWithItsLicence() {
        Command.Result contents = dpkgDeb("-c", deb.toString());

        assertThat(contents.output())
                .contains("./opt/chamberlain/bin/chamberlain")
                .contains("./opt/chamberlain/lib/app/chamberlain.desktop")
                .contains("./opt/chamberlain/lib/chamberlain.png")
                .contains("./opt/chamberlain/share/doc/copyright")
                .contains("./opt/chamberlain/lib/runtime/lib/server/libjvm.so");
    }

    @Test
    void maintainerScriptsLinkTheCommandAndTheDesktopEntry() throws IOException {
        Path control = Build.workDir().resolve("deb-control");
        Command.Result extract = dpkgDeb("-e", deb.toString(), control.toString());
        assertThat(extract.succeeded()).as(extract.toString()).isTrue();

        String postinst = Files.readString(control.resolve("postinst"));
        String prerm = Files.readString(control.resolve("prerm"));
        assertThat(postinst).contains("/usr/bin/chamberlain").contains("/usr/share/applications/chamberlain.desktop");
        assertThat(prerm).contains("/usr/bin/chamberlain").contains("/usr/share/applications/chamberlain.desktop");
        for (String script : new String[] {"postinst", "prerm"}) {
            Command.Result syntax = Command.of("sh", "-n", control.resolve(script).toString()).run();
            assertThat(syntax.succeeded()).as(syntax.toString()).isTrue();
        }
    }

    @Test
    void staysWithinTheSizeBudget() throws IOException {
        assertThat(Files.size(deb)).as("size of " + deb + " in bytes").isLessThanOrEqualTo(SIZE_LIMIT_BYTES);
    }

    private String field(String name) {
        Command.Result result = dpkgDeb("-f", deb.toString(), name);
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        return result.output().strip();
    }

    private static Command.Result dpkgDeb(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "dpkg-deb";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Command.Result result = Command.of(command).run();
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        return result;
    }
}
