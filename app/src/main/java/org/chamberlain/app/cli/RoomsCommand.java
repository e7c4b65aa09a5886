package org.chamberlain.app.cli;

import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chamberlain rooms}: moderate rooms from scripts, on the same services as the desktop app.
 * Every subcommand connects, acts, disconnects; each applied action is written to the audit log.
 */
@Command(name = "rooms",
        description = {"Moderate XMPP group chat rooms (XEP-0045) from the command line.",
            "Exit codes: 0 done, 1 refused by the server or only partly applied, 2 wrong usage (nothing sent)."},
        subcommands = {ListCommand.class, CreateCommand.class, ConfigCommand.class, MembersCommand.class,
            InviteCommand.class, KickCommand.class, VoiceCommand.class, ModeratorCommand.class, BanCommand.class,
            DestroyCommand.class})
public final class RoomsCommand implements Runnable {
    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The command as the product runs it: real environment and console. */
    public RoomsCommand() {
        this(Terminal.system());
    }

    /** For tests: a fixed environment and no password prompt. */
    public RoomsCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A picocli command line for {@code rooms} on its own (tests, or embedding elsewhere). */
    public static CommandLine commandLine(Terminal terminal) {
        return new CommandLine(new RoomsCommand(terminal));
    }
}
