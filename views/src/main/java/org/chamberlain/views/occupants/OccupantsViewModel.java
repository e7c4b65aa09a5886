package org.chamberlain.views.occupants;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.events.Occupant;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.events.SubjectChanged;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The Occupants tab: who is in the room now (live), our own place in it, and the moderation actions with
 * the reasons they are not allowed. UI thread only; the core's calls run on the task runner; room events
 * arrive through the task runner's UI executor. {@link #close()} drops the event registration.
 */
public final class OccupantsViewModel implements AutoCloseable {
    private final TaskRunner tasks;
    private final NotificationCenter notifications;
    private final AccountSession session;
    private final String room;
    private final String defaultNickname;
    private final Runnable joinDialog;
    private final ObservableList<Occupant> occupants = FXCollections.observableArrayList();
    private final ObservableList<Occupant> occupantsReadOnly = FXCollections.unmodifiableObservableList(occupants);
    private final ReadOnlyObjectWrapper<Optional<Occupant>> self = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyBooleanWrapper joined = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final Registration events;

    /**
     * @param joinDialog opens the join dialog for this room as this account (the one way to join; it words the
     *     server's refusals for people)
     */
    public OccupantsViewModel(TaskRunner tasks, NotificationCenter notifications, AccountSession session,
            String room, String defaultNickname, Runnable joinDialog) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.session = session;
        this.room = room;
        this.defaultNickname = defaultNickname;
        this.joinDialog = joinDialog;
        try {
            this.events = session.tracker().onRoomEvent(room, this::onEvent, tasks.uiExecutor());
        } catch (org.chamberlain.app.errors.ModerationException e) {
            // Room addresses are checked when a tab opens; reaching this is a programming error.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void onEvent(RoomEvent event) {
        if (event instanceof SubjectChanged changed) {
            subject.set(changed.subject());
            return;
        }
        refresh();
    }

    /** Sets the room's subject (moderators, or anyone when the room allows it). */
    public void changeSubject(String text) {
        String newSubject = text == null ? "" : text.strip();
        tasks.submit("Changing the subject of " + room, ctx -> {
            session.rooms().changeSubject(room, newSubject);
            return newSubject;
        }, done -> {
            subject.set(done);
            notifications.success(room, "Subject changed.");
        }, failure -> notifications.error("Subject of " + room, failure));
    }

    /** The room's subject as last announced (empty before any). */
    public javafx.beans.property.ReadOnlyStringProperty subject() {
        return subject.getReadOnlyProperty();
    }

    /** Re-reads the occupant list the core keeps (no server round trip). */
    public void refresh() {
        tasks.submit("Reading the occupants of " + room, ctx -> {
            boolean in = session.rooms().isJoined(room);
            List<Occupant> now = in ? session.tracker().occupants(room) : List.of();
            Optional<String> myNick = in ? session.tracker().selfNickname(room) : Optional.empty();
            Optional<Occupant> me = myNick.flatMap(n -> now.stream().filter(o -> o.nickname().equals(n)).findFirst());
            return new Snapshot(in, now, me);
        }, snapshot -> {
            joined.set(snapshot.joined());
            occupants.setAll(snapshot.occupants().stream()
                    .sorted(java.util.Comparator.comparing(Occupant::role).thenComparing(Occupant::nickname,
                            String.CASE_INSENSITIVE_ORDER)).toList());
            self.set(snapshot.self());
            status.set(snapshot.joined() ? occupants.size() + " in the room"
                    : "You are not in this room. Join it to see who is here and to moderate.");
        }, failure -> status.set(UserMessages.sentence(failure)));
    }

    /** Opens the join dialog for this room as this tab's account. UI thread. */
    public void join() {
        joinDialog.run();
    }

    public Optional<String> whyNot(OccupantPermissions.Action action, Occupant target) {
        return OccupantPermissions.whyNot(action, self.get(), target);
    }

    /** Runs one action on the target with an optional reason; the outcome becomes a notification. */
    public void act(OccupantPermissions.Action action, Occupant target, String reasonText) {
        Optional<String> reason = Optional.ofNullable(reasonText).map(String::strip).filter(r -> !r.isEmpty());
        String nick = target.nickname();
        String what;
        switch (action) {
            case KICK:
                what = "Kicked " + nick;
                break;
            case VOICE:
                what = (target.role() == Role.VISITOR ? "Gave voice to " : "Took voice from ")
                        + nick;
                break;
            case MODERATOR:
                what = (target.role() == Role.MODERATOR ? "Removed moderator " : "Made ")
                        + nick + (target.role() == Role.MODERATOR ? "" : " a moderator");
                break;
            case BAN:
                what = "Banned " + nick;
                break;
            default:
                throw new IllegalArgumentException("Unknown action " + action);
        }
        tasks.submit(what + " in " + room, ctx -> {
            switch (action) {
                case KICK:
                    session.occupants().kick(room, nick, reason);
                    break;
                case VOICE:
                    if (target.role() == Role.VISITOR) {
                        session.occupants().grantVoice(room, nick, reason);
                    } else {
                        session.occupants().revokeVoice(room, nick, reason);
                    }
                    break;
                case MODERATOR:
                    if (target.role() == Role.MODERATOR) {
                        session.occupants().revokeModerator(room, nick, reason);
                    } else {
                        session.occupants().grantModerator(room, nick, reason);
                    }
                    break;
                case BAN:
                default:
                    session.occupants().ban(room, nick, reason);
                    break;
            }
            return what;
        }, done -> {
            notifications.success(room, done + ".");
            refresh();
        }, failure -> notifications.error("Not done in " + room, failure));
    }

    public ObservableList<Occupant> occupants() {
        return occupantsReadOnly;
    }

    public ReadOnlyObjectProperty<Optional<Occupant>> self() {
        return self.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty joined() {
        return joined.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public String room() {
        return room;
    }

    public String defaultNickname() {
        return defaultNickname;
    }

    @Override
    public void close() {
        events.close();
    }

    private record Snapshot(boolean joined, List<Occupant> occupants, Optional<Occupant> self) {
    }
}
