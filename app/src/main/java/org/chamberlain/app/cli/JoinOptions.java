package org.chamberlain.app.cli;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.rooms.JoinedRoom;
import picocli.CommandLine.Option;

/** For commands that act from inside the room (moderators must be occupants): how to enter it. */
public final class JoinOptions {
    @Option(names = "--nick", paramLabel = "NICK", description = "The nickname to enter the room with "
            + "(default: the account's name).")
    String nick;

    @Option(names = "--room-password-env", paramLabel = "VAR", description = "Read the room's password from "
            + "this environment variable (for password-protected rooms).")
    String roomPasswordEnv;

    String nickFor(String accountJid) {
        return nick != null ? nick : accountJid.substring(0, accountJid.indexOf('@'));
    }

    Optional<String> roomPassword(Terminal terminal) throws UsageException {
        if (roomPasswordEnv == null) {
            return Optional.empty();
        }
        return Optional.of(terminal.environment(roomPasswordEnv).orElseThrow(() -> new UsageException(
                "The environment variable " + roomPasswordEnv + " (named by --room-password-env) is not set.")));
    }

    /** Enters the room; the session's disconnect at the end of the command leaves it. */
    JoinedRoom join(Session session, Terminal terminal, String room) throws ModerationException, UsageException {
        return session.services().rooms().join(room, nickFor(session.accountJid()), roomPassword(terminal));
    }
}
