package org.chamberlain.app.occupants;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.ModerationAction;
import org.chamberlain.app.events.Role;
import org.jxmpp.jid.EntityBareJid;

/**
 * Moderator actions on occupants: kick, voice, moderator role, ban — each with an optional reason, each
 * reported to the {@link ActionJournal} (applied or refused).
 *
 * <p>Every method blocks on a server round trip: call from a background thread. Thread-safe (stateless apart
 * from the shared tracker).
 */
public final class OccupantModeration {
    private final AccountConnection connection;
    private final OccupantTracker tracker;
    private final ActionJournal journal;
    private final Clock clock;

    public OccupantModeration(AccountConnection connection, OccupantTracker tracker, ActionJournal journal) {
        this(connection, tracker, journal, Clock.systemUTC());
    }

    OccupantModeration(AccountConnection connection, OccupantTracker tracker, ActionJournal journal, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = clock;
    }

    /** Removes {@code nickname} from {@code room} (role none); they may come back unless banned. */
    public void kick(String room, String nickname, Optional<String> reason) throws ModerationException {
        changeRole(room, nickname, Role.NONE, reason, Action.KICK, "kick");
    }

    /** Lets a visitor speak in a moderated room (role participant). */
    public void grantVoice(String room, String nickname, Optional<String> reason) throws ModerationException {
        changeRole(room, nickname, Role.PARTICIPANT, reason, Action.GRANT_VOICE, "grant-voice");
    }

    /** Silences {@code nickname} in a moderated room (role visitor). */
    public void revokeVoice(String room, String nickname, Optional<String> reason) throws ModerationException {
        changeRole(room, nickname, Role.VISITOR, reason, Action.REVOKE_VOICE, "revoke-voice");
    }

    /** Makes {@code nickname} a moderator for this visit (role moderator). */
    public void grantModerator(String room, String nickname, Optional<String> reason) throws ModerationException {
        changeRole(room, nickname, Role.MODERATOR, reason, Action.GRANT_MODERATOR, "grant-moderator");
    }

    /** Takes the moderator role from {@code nickname} (back to participant). */
    public void revokeModerator(String room, String nickname, Optional<String> reason) throws ModerationException {
        changeRole(room, nickname, Role.PARTICIPANT, reason, Action.REVOKE_MODERATOR, "revoke-moderator");
    }

    /**
     * Bans a person from {@code room}: {@code nicknameOrJid} is either their address ({@code name@server}) or
     * a nickname seen in the room, now or earlier (their real JID is taken from what the room showed us, so
     * people who already left can be banned).
     *
     * @return the bare JID that was banned
     * @throws ModerationException {@link Condition#INVALID_REQUEST} when a nickname's real JID was never shown
     */
    public String ban(String room, String nicknameOrJid, Optional<String> reason) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        String target;
        if (nicknameOrJid.contains("@")) {
            target = Addresses.person(nicknameOrJid).toString();
        } else {
            target = tracker.realJidOf(roomJid.toString(), nicknameOrJid).orElseThrow(() -> new ModerationException(
                    Condition.INVALID_REQUEST, "The address of " + nicknameOrJid + " in " + roomJid
                    + " is not known (the room never showed it to you), so they cannot be banned by nickname. "
                    + "Ban them by address instead."));
        }
        Attempt attempt = Attempt.of(Action.BAN, roomJid, target);
        try {
            AdminRequests.setAffiliation(connection.xmppConnection(), roomJid, Addresses.person(target),
                    Affiliation.OUTCAST, reason.orElse(null), attempt);
            record(roomJid, "ban", target, reason, null);
            return target;
        } catch (ModerationException e) {
            record(roomJid, "ban", target, reason, e);
            throw e;
        }
    }

    private void changeRole(String room, String nickname, Role role, Optional<String> reason, Action action,
            String journalName) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        Attempt attempt = Attempt.of(action, roomJid, nickname);
        try {
            AdminRequests.setRole(connection.xmppConnection(), roomJid, Addresses.nickname(nickname), role,
                    reason.orElse(null), attempt);
            record(roomJid, journalName, nickname, reason, null);
        } catch (ModerationException e) {
            record(roomJid, journalName, nickname, reason, e);
            throw e;
        }
    }

    private void record(EntityBareJid room, String action, String target, Optional<String> reason,
            ModerationException error) {
        journal.record(ModerationAction.of(clock.instant(), connection.accountJid(), room.toString(), action,
                target, reason, error));
    }
}
