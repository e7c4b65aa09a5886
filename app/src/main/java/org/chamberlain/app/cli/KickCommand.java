package org.chamberlain.app.cli;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.occupants.OccupantModeration;
import picocli.CommandLine.Command;

/** {@code rooms kick ROOM NICK [--reason R]}. */
@Command(name = "kick", description = "Remove an occupant from a room (they may "
        + "come back unless banned).")
final class KickCommand extends OccupantCommand {
    @Override
    String act(OccupantModeration occupants, Optional<String> why) throws ModerationException {
        occupants.kick(room, target, why);
        return "Kicked " + target + " from " + room + ".";
    }
}
