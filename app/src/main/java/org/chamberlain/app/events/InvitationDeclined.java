package org.chamberlain.app.events;

import java.util.Optional;

/** Someone we invited declined, through the room. */
public record InvitationDeclined(String account, String room, String invitee, Optional<String> reason)
        implements RoomEvent {
}
