package org.chamberlain.views.notifications;

import java.util.Locale;
import java.util.Optional;
import org.chamberlain.app.events.AffiliationChanged;
import org.chamberlain.app.events.InvitationReceived;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.events.RoomEvent;

/**
 * Which room events deserve a notification, in words: invitations, being removed from a room, a room
 * destroyed, affiliations changed by someone. Joins, leaves and role changes only update the lists. Pure.
 */
public final class RoomEventMessages {

    private RoomEventMessages() {
    }

    /** A message worth showing. */
    public record Message(Notification.Kind kind, String title, String text) {
    }

    /**
     * The message for an event seen by one of the app's accounts while {@code activeAccount} is the one the person
     * acts as. Every account of the app in a room sees the same affiliation change (the sandbox has three in its
     * lobby): only the active account's sighting is worth a card; the others would repeat it, once with the
     * address and once with only a nickname.
     */
    public static Optional<Message> of(RoomEvent event, String activeAccount) {
        if (event instanceof AffiliationChanged && !event.account().equals(activeAccount)) {
            return Optional.empty();
        }
        return of(event);
    }

    private static Optional<Message> of(RoomEvent event) {
        if (event instanceof InvitationReceived invitation) {
            // A room that hides real addresses names the inviter by its occupant address, room/nickname.
            String who = invitation.inviter().map(inviter -> inviter.startsWith(invitation.room() + "/")
                    ? inviter.substring(invitation.room().length() + 1) + ", in the room," : inviter).orElse("Someone");
            return Optional.of(new Message(Notification.Kind.INFO, "Invitation for " + invitation.account(),
                    who + " invites you to " + invitation.room() + reason(invitation.reason())
                            + (invitation.password().isPresent() ? " (a password was included)" : "") + "."));
        }
        if (event instanceof RemovedFromRoom removed) {
            String how;
            switch (removed.departure()) {
                case KICKED:
                    how = "You were kicked from ";
                    break;
                case BANNED:
                    how = "You were banned from ";
                    break;
                case AFFILIATION_CHANGED:
                    how = "Your membership was removed, so you had to leave ";
                    break;
                case MEMBERS_ONLY:
                    how = "The room became members-only, so you had to leave ";
                    break;
                case SERVICE_SHUTDOWN:
                    how = "The chat service shut down and closed ";
                    break;
                default:
                    how = "You left ";
                    break;
            }
            return Optional.of(new Message(Notification.Kind.WARNING, removed.account(), how + removed.room()
                    + removed.cause().actor().map(a -> " by " + a).orElse("") + reason(removed.cause().reason())
                    + "."));
        }
        if (event instanceof RoomDestroyed destroyed) {
            return Optional.of(new Message(Notification.Kind.WARNING, "Room destroyed", destroyed.room()
                    + " was destroyed" + reason(destroyed.reason())
                    + destroyed.alternateVenue().map(v -> "; it continues in " + v).orElse("") + "."));
        }
        if (event instanceof AffiliationChanged changed) {
            String who = changed.jid().or(changed::nickname).orElse("Someone");
            String to = changed.affiliation().name().toLowerCase(Locale.ROOT);
            String text = who + " is now " + (to.equals("none") ? "without affiliation" : to.equals("outcast")
                    ? "banned" : "a " + to) + " in " + changed.room()
                    + changed.previous().map(p -> " (was " + p.name().toLowerCase(Locale.ROOT) + ")").orElse("")
                    + reason(changed.cause().reason()) + ".";
            return Optional.of(new Message(Notification.Kind.INFO, "Affiliation changed", text));
        }
        return Optional.empty();
    }

    private static String reason(Optional<String> reason) {
        return reason.filter(r -> !r.isBlank()).map(r -> ": \u201c" + r + "\u201d").orElse("");
    }
}
