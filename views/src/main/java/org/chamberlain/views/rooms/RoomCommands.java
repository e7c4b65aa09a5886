package org.chamberlain.views.rooms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.invitations.InvitationResult;
import org.chamberlain.app.invitations.InvitationService;
import org.chamberlain.app.rooms.JoinedRoom;
import org.chamberlain.app.rooms.ReservedRoomCreation;
import org.chamberlain.app.rooms.RoomDetails;
import org.chamberlain.app.rooms.RoomListing;
import org.chamberlain.views.notifications.Notification;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * Room-level commands of the active account: create, invite, destroy. Each runs the core's service on the
 * task runner and reports through notifications; the dialogs only collect input. UI thread only.
 */
public final class RoomCommands {
    private final TaskRunner tasks;
    private final NotificationCenter notifications;

    public RoomCommands(TaskRunner tasks, NotificationCenter notifications) {
        this.tasks = tasks;
        this.notifications = notifications;
    }

    /** Creates an instant room (default configuration) and joins it; {@code onCreated} gets its address. */
    public void createInstant(AccountSession session, String room, String nickname, Consumer<String> onCreated) {
        tasks.submit("Creating " + room, ctx -> session.rooms().createInstant(room, nickname),
                (JoinedRoom joined) -> {
                    notifications.success("Room created", joined.room() + " is open; you are its owner.");
                    onCreated.accept(joined.room());
                }, failure -> notifications.error("Creating " + room, failure));
    }

    /**
     * Creates a reserved room: it stays locked (nobody else can enter) until its configuration is submitted;
     * {@code onReserved} gets the handle with the server's configuration form.
     */
    public void createReserved(AccountSession session, String room, String nickname,
            Consumer<ReservedRoomCreation> onReserved) {
        tasks.submit("Creating " + room, ctx -> session.rooms().createReserved(room, nickname), creation -> {
            notifications.info("Room reserved", creation.room() + " exists and is locked: configure it, then press "
                    + "Create room.");
            onReserved.accept(creation);
        }, failure -> notifications.error("Creating " + room, failure));
    }

    /** The join dialog's access to the core: room details, and joining with recent history for the Chat tab. */
    public static JoinViewModel.Gateway joinGateway(AccountSession session, int historyMessages) {
        return new JoinViewModel.Gateway() {
            @Override
            public RoomDetails info(String room) throws ModerationException {
                return session.rooms().info(room);
            }

            @Override
            public JoinedRoom join(String room, String nickname, Optional<String> password)
                    throws ModerationException {
                // Smack would leave and enter again (everyone sees us go and come back): say so instead.
                if (session.rooms().isJoined(room)) {
                    throw new ModerationException(ModerationException.Condition.INVALID_REQUEST,
                            "You are already in " + room + "; its tab shows who is there.");
                }
                return session.rooms().join(room, nickname, password, historyMessages);
            }
        };
    }

    /** The admin-destroy dialog's access to the core. */
    public static AdminDestroyViewModel.Gateway adminDestroyGateway(AccountSession session) {
        return new AdminDestroyViewModel.Gateway() {
            @Override
            public List<String> rooms(String service) throws ModerationException {
                // The command's own list has the hidden rooms too; a non-admin gets the public ones at least.
                try {
                    return session.destruction().roomsAsAdmin(service);
                } catch (ModerationException notAdmin) {
                    if (notAdmin.condition() != ModerationException.Condition.FORBIDDEN) {
                        throw notAdmin;
                    }
                    return session.rooms().rooms(service, false).stream().map(RoomListing::room).toList();
                }
            }

            @Override
            public List<String> destroy(String service, List<String> rooms, Optional<String> reason)
                    throws ModerationException {
                return session.destruction().destroyAsAdmin(service, rooms, reason);
            }
        };
    }

    /** Invites several people; one notification sums up who got it and who did not. */
    public void invite(AccountSession session, String room, String inviteesText, boolean direct, String reason) {
        List<String> invitees = Arrays.stream(inviteesText.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
        if (invitees.isEmpty()) {
            notifications.post(Notification.Kind.WARNING, "Invite", "Type at least one address to invite.", null);
            return;
        }
        Optional<String> why = Optional.ofNullable(reason).map(String::strip).filter(r -> !r.isEmpty());
        tasks.submit("Inviting " + invitees.size() + " to " + room, ctx -> session.invitations().invite(room,
                invitees, direct ? InvitationService.Kind.DIRECT : InvitationService.Kind.MEDIATED, why,
                Optional.empty()), results -> {
                    long sent = results.stream().filter(InvitationResult::sent).count();
                    String details = results.stream().map(r -> r.invitee() + ": " + (r.sent() ? "invited" : "not sent")
                            + r.membership().map(m -> " (" + m + ")").orElse("")
                            + r.error().map(e -> " — " + e).orElse("")).reduce((a, b) -> a + "\n" + b).orElse("");
                    String counted = sent + " of " + results.size()
                            + (results.size() == 1 ? " invitation" : " invitations") + " sent to " + room + ".";
                    notifications.post(sent == results.size() ? Notification.Kind.SUCCESS : Notification.Kind.WARNING,
                            "Invitations", counted, details);
                }, failure -> notifications.error("Inviting to " + room, failure));
    }

    /** Destroys the room, after {@link #confirms} said the person typed its name. */
    public void destroy(AccountSession session, String room, String reason, String alternateVenue,
            Runnable onDestroyed) {
        Optional<String> why = Optional.ofNullable(reason).map(String::strip).filter(r -> !r.isEmpty());
        Optional<String> venue = Optional.ofNullable(alternateVenue).map(String::strip).filter(r -> !r.isEmpty());
        tasks.submit("Destroying " + room, ctx -> {
            session.destruction().destroy(room, why, venue);
            return room;
        }, done -> {
            notifications.success("Room destroyed", room + " no longer exists.");
            onDestroyed.run();
        }, failure -> notifications.error("Destroying " + room, failure));
    }

    /** Whether the typed text is the room's name (its local part, as people know it), ignoring case. */
    public static boolean confirms(String room, String typed) {
        if (typed == null) {
            return false;
        }
        String name = Addresses.localpart(room);
        String text = typed.strip().toLowerCase(Locale.ROOT);
        return !text.isEmpty() && (text.equals(name.toLowerCase(Locale.ROOT))
                || text.equals(room.toLowerCase(Locale.ROOT)));
    }

    /** Checks a room name typed into the create dialog; empty when it is usable. */
    public static Optional<String> problemWithName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give the room a name.");
        }
        if (!name.strip().matches("[^\\s@/\"&'<>:]+")) {
            return Optional.of("A room name cannot contain spaces or any of @ / \" & ' < > :");
        }
        return Optional.empty();
    }

    static String describe(ModerationException e) {
        return e.getMessage();
    }
}
