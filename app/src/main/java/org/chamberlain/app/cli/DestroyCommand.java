package org.chamberlain.app.cli;

import java.util.List;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rooms destroy ROOM [--reason R] [--alternate JID] [--as-admin]}. */
@Command(name = "destroy",
        description = {"Destroy a room. Occupants are told the reason and, with --alternate, where to go instead.",
            "--as-admin uses the service's administrator command (Prosody: server admins only), which takes no "
                    + "reason or alternate room."})
final class DestroyCommand extends RoomsSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM", description = "The room to destroy.")
    String room;

    @Option(names = "--reason", paramLabel = "R", description = "Why, shown to the occupants.")
    String reason;

    @Option(names = "--alternate", paramLabel = "JID", description = "A room to send the occupants to.")
    String alternate;

    @Option(names = "--as-admin", description = "Destroy as a server administrator, even if you do not own it.")
    boolean asAdmin;

    @Override
    void checkArguments() throws UsageException {
        if (asAdmin && alternate != null) {
            throw new UsageException("--alternate cannot be used with --as-admin: the administrator command takes "
                    + "no alternate room.");
        }
        if (!room.contains("@")) {
            throw new UsageException("'" + room + "' is not a room address (expected name@service).");
        }
    }

    @Override
    int execute(Session session, Output output) throws ModerationException {
        Optional<String> why = Optional.ofNullable(reason).filter(r -> !r.isBlank());
        output.json().put("room", room).put("asAdmin", asAdmin);
        if (asAdmin) {
            String service = room.substring(room.indexOf('@') + 1);
            List<String> destroyed = session.services().destruction().destroyAsAdmin(service, List.of(room), why);
            output.json().set("destroyed", output.mapper().valueToTree(destroyed));
            if (destroyed.stream().noneMatch(r -> r.equalsIgnoreCase(room))) {
                output.error("not-destroyed", service + " did not report " + room + " as destroyed.");
                return ExitCodes.REFUSED;
            }
        } else {
            session.services().destruction().destroy(room, why, Optional.ofNullable(alternate));
        }
        output.line("Destroyed " + room + (asAdmin ? " (as server administrator)." : "."));
        return ExitCodes.OK;
    }
}
