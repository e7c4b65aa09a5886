package org.chamberlain.app.cli;

import java.util.concurrent.Callable;
import org.chamberlain.app.connections.UntrustedCertificateException;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The frame of every {@code rooms} subcommand: check the arguments, connect, run, report, map the outcome to
 * an exit code (0 done, 1 refused or partly applied, 2 usage). Runs on the command's (main) thread; the
 * connection is closed before {@link #call()} returns.
 */
abstract class RoomsSubcommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions options;

    @Spec
    CommandSpec spec;

    @ParentCommand
    RoomsCommand rooms;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Checks arguments that picocli cannot, before connecting. */
    void checkArguments() throws UsageException {
    }

    /** Does the work; returns the exit code. */
    abstract int execute(Session session, Output output) throws ModerationException, UsageException;

    @Override
    public final Integer call() {
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), options.json);
        try {
            checkArguments();
            try (Session session = Session.open(options, rooms.terminal(), output)) {
                return output.finish(execute(session, output));
            }
        } catch (UsageException e) {
            output.error("usage", e.getMessage());
            return output.finish(ExitCodes.USAGE);
        } catch (UntrustedCertificateException e) {
            output.error(e.condition().xmppName(), e.getMessage() + " If you have checked that fingerprint, run "
                    + "again with --trust-certificate " + e.problem().sha256Fingerprint());
            return output.finish(ExitCodes.REFUSED);
        } catch (ModerationException e) {
            String hint = e.condition() == Condition.TLS_UNAVAILABLE && !options.allowPlaintext
                    ? " (That is what --allow-plaintext is for.)" : "";
            output.error(e.condition().xmppName(), e.getMessage() + hint);
            boolean local = e.condition() == Condition.INVALID_REQUEST;
            return output.finish(local ? ExitCodes.USAGE : ExitCodes.REFUSED);
        }
    }
}
