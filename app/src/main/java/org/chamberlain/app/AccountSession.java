package org.chamberlain.app;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.destruction.DestructionService;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.ConnectionState;
import org.chamberlain.app.events.ConnectionStateChanged;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RejoinFailed;
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
 *
 * <p>After a reconnection the session joins again the rooms it was in, on its own single background thread
 * (owned here, stopped by {@link #close()}); a room it cannot get back into is reported as
 * {@link RejoinFailed}.
 */
public final class AccountSession implements AutoCloseable {
    private final AccountConnection connection;
    private final OccupantTracker tracker;
    private final RoomService rooms;
    private final OccupantModeration occupants;
    private final InvitationService invitations;
    private final DestructionService destruction;
    private final ExecutorService rejoiner;
    private final Registration stateRegistration;
    private ConnectionState lastState;

    public AccountSession(AccountConnection connection, ActionJournal journal) {
        this.connection = Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(journal, "journal");
        this.tracker = new OccupantTracker(connection);
        this.rooms = new RoomService(connection);
        this.occupants = new OccupantModeration(connection, tracker, journal);
        this.invitations = new InvitationService(connection, journal);
        this.destruction = new DestructionService(connection, journal);
        this.rejoiner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "chamberlain-rejoin-" + connection.accountJid());
            thread.setDaemon(true);
            return thread;
        });
        this.lastState = connection.state();
        this.stateRegistration = connection.onStateChange(this::onStateChange, rejoiner);
    }

    /** On the rejoin thread, in the order the states changed. */
    private void onStateChange(ConnectionStateChanged change) {
        ConnectionState previous = lastState;
        lastState = change.state();
        if (change.state() == ConnectionState.CONNECTED && previous == ConnectionState.RECONNECTING) {
            Map<String, Optional<ModerationException>> results = rooms.rejoinAll();
            results.forEach((room, problem) -> problem.ifPresent(e -> tracker.publish(new RejoinFailed(
                    connection.accountJid(), room, e.getMessage(), e.condition().xmppName()))));
        }
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
        stateRegistration.close();
        rejoiner.shutdownNow();
        try {
            rejoiner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tracker.close();
    }
}
