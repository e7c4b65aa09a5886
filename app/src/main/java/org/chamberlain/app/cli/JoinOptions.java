package org.chamberlain.app.cli;

import java.time.Duration;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.rooms.JoinedRoom;
import picocli.CommandLine.Option;

/** For commands that act from inside the room (moderators must be occupants): how to enter it. */
public final class JoinOptions {
    private static final Duration TRACKER_WAIT = Duration.ofSeconds(5);

    @Option(names = "--nick", paramLabel = "NICK", description = "The nickname to enter the room with "
            + "(default: the account's name).")
    String nick;

    @Option(names = "--room-password-env", paramLabel = "VAR", description = "Read the room's password from "
            + "this environment variable (for password-protected rooms).")
    String roomPasswordEnv;

    String nickFor(String accountJid) {
        return nick != null ? nick : Addresses.localpart(accountJid);
    }

    Optional<String> roomPassword(Terminal terminal) throws UsageException {
        if (roomPasswordEnv == null) {
            return Optional.empty();
        }
        return Optional.of(terminal.environment(roomPasswordEnv).orElseThrow(() -> new UsageException(
                "The environment variable " + roomPasswordEnv + " (named by --room-password-env) is not set.")));
    }

    /**
     * Enters the room and waits until the occupant tracker has seen our own presence; the session's disconnect
     * at the end of the command leaves the room.
     *
     * <p>Why wait: {@code join} returns when Smack's MUC listener sees our self-presence, but the tracker runs as
     * a sync listener after it, on another thread. The room sends every other occupant's presence before ours, so
     * once the tracker knows our nickname it also knows everybody's real JID (needed to ban by nickname).
     */
    JoinedRoom join(Session session, Terminal terminal, String room) throws ModerationException, UsageException {
        JoinedRoom joined = session.services().rooms().join(room, nickFor(session.accountJid()),
                roomPassword(terminal));
        long deadline = System.nanoTime() + TRACKER_WAIT.toNanos();
        while (session.services().tracker().selfNickname(room).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModerationException(ModerationException.Condition.LOCAL_FAILURE, "Interrupted while "
                        + "entering " + room + ".", null, e);
            }
        }
        return joined;
    }
}
