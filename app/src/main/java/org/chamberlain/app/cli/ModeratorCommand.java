package org.chamberlain.app.cli;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.occupants.OccupantModeration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rooms moderator ROOM NICK [--revoke] [--reason R]}. */
@Command(name = "moderator", description = "Make an occupant a moderator for "
        + "this visit (--revoke: back to participant).")
final class ModeratorCommand extends OccupantCommand {
    @Option(names = "--revoke", description = "Remove the moderator role instead.")
    boolean revoke;

    @Override
    String act(OccupantModeration occupants, Optional<String> why) throws ModerationException {
        if (revoke) {
            occupants.revokeModerator(room, target, why);
            return target + " is no longer a moderator of " + room + ".";
        }
        occupants.grantModerator(room, target, why);
        return target + " is now a moderator of " + room + ".";
    }
}
