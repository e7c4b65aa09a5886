package org.chamberlain.app.cli;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.occupants.OccupantModeration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rooms voice ROOM NICK [--revoke] [--reason R]}. */
@Command(name = "voice", description = "Let an occupant speak in a moderated "
        + "room (--revoke: silence them).")
final class VoiceCommand extends OccupantCommand {
    @Option(names = "--revoke", description = "Take voice away instead (role visitor).")
    boolean revoke;

    @Override
    String act(OccupantModeration occupants, Optional<String> why) throws ModerationException {
        if (revoke) {
            occupants.revokeVoice(room, target, why);
            return "Took voice from " + target + " in " + room + ".";
        }
        occupants.grantVoice(room, target, why);
        return "Gave voice to " + target + " in " + room + ".";
    }
}
