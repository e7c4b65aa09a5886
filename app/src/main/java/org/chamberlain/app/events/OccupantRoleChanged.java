package org.chamberlain.app.events;

/** An occupant's role changed (voice granted or revoked, moderator granted or revoked). */
public record OccupantRoleChanged(String account, String room, Occupant occupant, Role previous, Cause cause)
        implements RoomEvent {
}
