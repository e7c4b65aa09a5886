package org.chamberlain.app.cli;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.occupants.OccupantModeration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The frame of {@code kick}, {@code voice}, {@code moderator} and {@code ban}: enter the room (moderators act
 * as occupants), act on one target with a reason, report.
 */
abstract class OccupantCommand extends RoomsSubcommand {
    @Parameters(index = "0", paramLabel = "ROOM", description = "The room.")
    String room;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The occupant's nickname (ban also takes a "
            + "bare JID).")
    String target;

    @Option(names = "--reason", paramLabel = "R", description = "The reason, shown to the target and the room.")
    String reason;

    @Mixin
    JoinOptions join;

    /** Acts; returns what to print ("Kicked Guest from room@…"). */
    abstract String act(OccupantModeration occupants, Optional<String> why) throws ModerationException;

    @Override
    final int execute(Session session, Output output) throws ModerationException, UsageException {
        join.join(session, rooms.terminal(), room);
        String done = act(session.services().occupants(), Optional.ofNullable(reason).filter(r -> !r.isBlank()));
        output.json().put("room", room).put("target", target).put("action", spec.name());
        if (reason != null) {
            output.json().put("reason", reason);
        }
        output.line(done);
        return ExitCodes.OK;
    }
}
