package org.chamberlain.views;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.chamberlain.app.audit.DataDirectories;
import org.chamberlain.views.sandbox.SandboxCommand;
import org.chamberlain.views.settings.ConfigDirectory;
import org.chamberlain.views.shell.AppLauncher;
import org.chamberlain.views.shell.StartupOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The product's single entry point: {@code chamberlain} with no argument opens the desktop app;
 * subcommands run the command lines of the engine. It loads nothing of the desktop app before a subcommand is
 * chosen, so the command lines start quickly.
 */
@Command(name = "chamberlain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {org.chamberlain.scripting.cli.ReplayCommand.class, SandboxCommand.class},
        description = "Moderation and scripted testing for XMPP group chats (XEP-0045).")
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (args.length == 0) {
            // The desktop app needs no parsing: skipping picocli's model of every subcommand (and the classes
            // it loads) shortens the start to the first frame (docs/benchmarks.md, "Desktop UI (issue 5)").
            System.exit(openDesktopApp());
        }
        System.exit(commandLine().execute(args));
    }

    /** Opens the desktop app and blocks until it closes; AppLauncher reports a failure itself. */
    private static int openDesktopApp() {
        return AppLauncher.run(StartupOptions.plain(ConfigDirectory.resolve(), DataDirectories.auditLog()));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).addSubcommand(new org.chamberlain.app.cli.RoomsCommand());
    }

    @Override
    public void run() {
        int status = openDesktopApp();
        if (status != 0) {
            throw new CommandLine.ExecutionException(new CommandLine(this), "The desktop app failed to start");
        }
    }

    /** The project version, filtered into a resource at build time. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Chamberlain " + projectVersion()};
        }

        public static String projectVersion() {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the version resource", e);
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
