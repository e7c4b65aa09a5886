package org.chamberlain.app;

import java.util.Objects;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.destruction.DestructionService;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.invitations.InvitationService;
import org.chamberlain.app.occupants.OccupantModeration;
import org.chamberlain.app.occupants.OccupantTracker;
import org.chamberlain.app.rooms.RoomService;

/**
 * The moderation services of one account, wired to one connection and one audit journal. Create it right after
 * {@link org.chamberlain.app.connections.ConnectionManager#open} (before joining rooms, so the tracker sees
 * every presence); it survives reconnections. {@link #close()} detaches the tracker; it does not disconnect.
 *
 * <p>Construction and accessors: any thread, no network. The services' methods block: call them from a
 * background thread. Events: {@link OccupantTracker#onEvent} with the executor of your choice.
 */
public final class AccountSession implements AutoCloseable {
    private final AccountConnection connection;
    private final OccupantTracker tracker;
    private final RoomService rooms;
    private final OccupantModeration occupants;
    private final InvitationService invitations;
    private final DestructionService destruction;

    public AccountSession(AccountConnection connection, ActionJournal journal) {
        this.connection = Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(journal, "journal");
        this.tracker = new OccupantTracker(connection);
        this.rooms = new RoomService(connection);
        this.occupants = new OccupantModeration(connection, tracker, journal);
        this.invitations = new InvitationService(connection, journal);
        this.destruction = new DestructionService(connection, journal);
    }

    public AccountConnection connection() {
        return connection;
    }

    /** Live occupant lists, remembered real JIDs, and the room events of this account. */
    public OccupantTracker tracker() {
        return tracker;
    }

    public RoomService rooms() {
        return rooms;
    }

    public OccupantModeration occupants() {
        return occupants;
    }

    public InvitationService invitations() {
        return invitations;
    }

    public DestructionService destruction() {
        return destruction;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
