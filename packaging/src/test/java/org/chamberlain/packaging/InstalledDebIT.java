package org.chamberlain.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.TestServers;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installs the freshly built .deb on this machine with apt-get, uses the installed copy as a person would
 * (command line, a replay against a real Prosody, the desktop app under Xvfb) and removes it again.
 *
 * <p>Runs only in the installed-package-test profile (Linux with CI=true, or -Pinstalled-package-test), as root.
 * The tests run in order; each later one needs the install to have worked.
 */
@Tag("installed")
@WithProsody
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalledDebIT {
    static final String PACKAGE = "chamberlain";
    static final Path APP_DIR = Path.of("/opt/chamberlain");
    static final Path COMMAND_LINK = Path.of("/usr/bin/chamberlain");
    static final Path DESKTOP_LINK = Path.of("/usr/share/applications/chamberlain.desktop");
    static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** A seed script without a race between two connections (basic_message.scs:78 has one at the default pause). */
    static final String SEED_SCRIPT = "prosody-0.12.3/muc_password.scs";

    private final Path deb = Build.installer(".deb");

    @BeforeAll
    void requireRootAndApt() {
        Command.Result id = Command.of("id", "-u").run();
        assertThat(id.output().strip())
                .as("The installed-package test installs %s with apt-get and must run as root "
                        + "(it is meant for CI machines; run it elsewhere only on a machine you may change)", deb)
                .isEqualTo("0");
        assertThat(Path.of("/usr/bin/apt-get")).as("apt-get installs the package").exists();
    }

    @AfterAll
    void removeWhatATestLeftInstalled() {
        // Normally uninstallsCleanly() has removed it; this covers a run that failed before it.
        if (isInstalled()) {
            Command.Result purge = purge();
            assertThat(purge.succeeded()).as("cleanup: " + purge).isTrue();
        }
    }

    @Test
    @Order(1)
    void installsWithAptGet() {
        if (isInstalled()) {
            // Left over by an interrupted run: start from a machine without it.
            Command.Result purge = purge();
            assertThat(purge.succeeded()).as(purge.toString()).isTrue();
        }

        Command.Result install = apt("install", "-y", "--no-install-recommends", deb.toAbsolutePath().toString());

        assertThat(install.succeeded()).as(install.toString()).isTrue();
        assertThat(isInstalled()).as("dpkg says %s is installed after:%n%s", PACKAGE, install).isTrue();
        assertThat(APP_DIR.resolve("bin/chamberlain")).isExecutable();
    }

    @Test
    @Order(2)
    void commandOnThePathPrintsTheVersion() throws IOException {
        Command.Result version = Command.of("sh", "-c", "command -v chamberlain && chamberlain --version")
                .env("PATH", SYSTEM_PATH)
                .run();

        assertThat(version.succeeded()).as(version.toString()).isTrue();
        assertThat(version.output().lines()).as(version.toString())
                .containsExactly(COMMAND_LINK.toString(), "Chamberlain " + Build.projectVersion());
        assertThat(COMMAND_LINK.toRealPath()).isEqualTo(APP_DIR.resolve("bin/chamberlain"));
    }

    @Test
    @Order(3)
    void appClassesComeFromTheArchiveMadeAtInstallTime() {
        // postinst dumped the runtime's CDS archive with the classes recorded at build time (record-classlist.sh).
        Command.Result loading = Command.of(COMMAND_LINK.toString(), "--version")
                .env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info")
                .env("HOME", home().toString())
                .run();

        assertThat(loading.succeeded()).as(loading.toString()).isTrue();
        assertThat(loading.output().lines())
                .as("how the launcher loaded the entry point (see the postinst's archive_app_classes)")
                .anyMatch(line -> line.contains(" org.chamberlain.views.Main source: shared objects file"));
    }

    @Test
    @Order(4)
    void desktopEntryIsInTheApplicationsMenu() throws IOException {
        assertThat(DESKTOP_LINK).as("desktop entry").exists();
        List<String> entry = Files.readAllLines(DESKTOP_LINK);

        assertThat(Path.of(AppImageIT.value(entry, "Exec"))).isExecutable();
        assertThat(Path.of(AppImageIT.value(entry, "Icon"))).exists();
        assertThat(AppImageIT.value(entry, "Name")).isEqualTo("Chamberlain");
    }

    @Test
    @Order(5)
    void replaysASeedScriptAgainstProsody(TestServer server) {
        Path script = TestServers.sharedDir().resolve("suite").resolve(SEED_SCRIPT);

        Command.Result replay = Command.of(COMMAND_LINK.toString(), "replay",
                        "--host", server.host(), "--port", Integer.toString(server.port()), script.toString())
                .env("HOME", home().toString())
                .timeout(Duration.ofSeconds(90))
                .run();

        assertThat(replay.succeeded()).as("%s%nProsody log:%n%s", replay, server.logTail(30)).isTrue();
        assertThat(replay.lastLine()).as(replay.toString()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    @Order(6)
    void roomsCommandCreatesAndListsARoom(TestServer server) {
        String room = "packaged@" + server.mucService();

        // Public, or the service's room list (disco#items) leaves it out.
        Command.Result create = rooms(server, "create", room, "--set", "publicroom=yes");
        Command.Result list = rooms(server, "list", server.mucService());

        assertThat(create.succeeded()).as("%s%nProsody log:%n%s", create, server.logTail(30)).isTrue();
        assertThat(list.succeeded()).as(list.toString()).isTrue();
        assertThat(list.output()).as(list.toString()).contains(room);
    }

    @Test
    @Order(7)
    void desktopAppOpensItsWindowUnderXvfb() throws IOException {
        Path screenshot = Build.workDir().resolve("installed-app.png");
        Files.deleteIfExists(screenshot);
        Path home = home();

        try (VirtualDisplay display = VirtualDisplay.start()) {
            VirtualDisplay.WindowStart start = display.launch(COMMAND_LINK, home, Duration.ofSeconds(30));
            try {
                assertThat(start.window()).as(start.toString()).isPresent();
                System.out.printf("Installed app: window after %d ms%n", start.elapsed().toMillis());
                Files.writeString(Build.workDir().resolve("window-start-ms.txt"),
                        Long.toString(start.elapsed().toMillis()));
                display.pause(Duration.ofSeconds(2));
                display.screenshot(screenshot);
                assertThat(start.process().isAlive()).as("the app still runs 2 s after its window: " + start)
                        .isTrue();
            } finally {
                start.stop();
            }
        }

        assertThat(screenshot).exists();
        Command.Result colours = Command.of("identify", "-format", "%k", screenshot.toString()).run();
        assertThat(colours.succeeded()).as(colours.toString()).isTrue();
        assertThat(Integer.parseInt(colours.output().strip()))
                .as("distinct colours in %s (a blank screen has one)", screenshot)
                .isGreaterThan(16);
        assertThat(home.resolve(".openjfx"))
                .as("JavaFX found its natives in the package instead of unpacking them into home")
                .doesNotExist();
    }

    @Test
    @Order(8)
    void uninstallsCleanly() {
        Command.Result purge = purge();

        assertThat(purge.succeeded()).as(purge.toString()).isTrue();
        assertThat(isInstalled()).isFalse();
        assertThat(Files.exists(COMMAND_LINK, LinkOption.NOFOLLOW_LINKS)).as(COMMAND_LINK + " left behind").isFalse();
        assertThat(Files.exists(DESKTOP_LINK, LinkOption.NOFOLLOW_LINKS)).as(DESKTOP_LINK + " left behind").isFalse();
        assertThat(APP_DIR).as("application directory left behind").doesNotExist();
    }

    private static Command.Result rooms(TestServer server, String... arguments) {
        List<String> command = new ArrayList<>(List.of(COMMAND_LINK.toString(), "rooms"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--account", server.jid("owner"), "--password-env", "SMOKE_PASSWORD",
                "--host", server.host(), "--port", Integer.toString(server.port()), "--allow-plaintext"));
        // The shared test server accepts any password.
        return Command.of(command.toArray(String[]::new))
                .env("SMOKE_PASSWORD", "password")
                .env("HOME", home().toString())
                .timeout(Duration.ofSeconds(60))
                .run();
    }

    /** A home directory of the test's own, so the installed app writes nothing into root's home. */
    private static Path home() {
        try {
            return Files.createDirectories(Build.workDir().resolve("home"));
        } catch (IOException e) {
            throw new AssertionError("Cannot create a home directory for the app: " + e.getMessage(), e);
        }
    }

    private static boolean isInstalled() {
        Command.Result status = Command.of("dpkg-query", "-W", "-f", "${Status}", PACKAGE).run();
        return status.succeeded() && status.output().strip().equals("install ok installed");
    }

    private static Command.Result purge() {
        return apt("purge", "-y", PACKAGE);
    }

    private static Command.Result apt(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "apt-get";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return Command.of(command)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .env("PATH", SYSTEM_PATH)
                .timeout(Duration.ofMinutes(10))
                .run();
    }
}
