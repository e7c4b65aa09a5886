package org.chamberlain.app.cli;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.occupants.OccupantModeration;
import picocli.CommandLine.Command;

/** {@code rooms ban ROOM NICK-OR-JID [--reason R]}. */
@Command(name = "ban", description = "Ban a person from a room, by bare JID or "
        + "by the nickname of a current occupant whose address the room shows you.")
final class BanCommand extends OccupantCommand {
    @Override
    String act(OccupantModeration occupants, Optional<String> why) throws ModerationException {
        String banned = occupants.ban(room, target, why);
        return "Banned " + banned + (banned.equals(target) ? "" : " (" + target + ")") + " from " + room + ".";
    }
}
