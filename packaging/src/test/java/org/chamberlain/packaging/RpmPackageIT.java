package org.chamberlain.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The .rpm as a file (built where rpmbuild is installed; nothing here installs it). */
@Tag("rpm")
class RpmPackageIT {
    private final Path rpm = Build.installer(".rpm");

    @Test
    void headerNamesVersionLicenceAndVendor() {
        String header = query("--queryformat", "%{NAME}|%{VERSION}|%{RELEASE}|%{LICENSE}|%{VENDOR}");

        assertThat(header).isEqualTo("chamberlain|" + Build.packageVersion() + "|1|MIT|The Chamberlain authors");
    }

    @Test
    void requiresGtk3() {
        assertThat(query("--requires").lines()).contains("gtk3");
    }

    @Test
    void ownsTheCommandLinkAndTheDesktopEntry() {
        assertThat(query("--list").lines()).contains(
                "/opt/chamberlain/bin/chamberlain",
                "/usr/bin/chamberlain",
                "/usr/share/applications/chamberlain.desktop",
                "/opt/chamberlain/share/doc/LICENSE");
    }

    @Test
    void staysWithinTheSizeBudget() throws IOException {
        assertThat(Files.size(rpm)).as("size of " + rpm + " in bytes")
                .isLessThanOrEqualTo(DebPackageIT.SIZE_LIMIT_BYTES);
    }

    private String query(String... options) {
        String[] command = new String[options.length + 3];
        command[0] = "rpm";
        command[1] = "-qp";
        System.arraycopy(options, 0, command, 2, options.length);
        command[command.length - 1] = rpm.toString();
        Command.Result result = Command.of(command).run();
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        return result.output().strip();
    }
}
