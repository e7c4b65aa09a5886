package org.chamberlain.app.events;

/** Someone other than us left the room, on their own or removed. */
public record OccupantLeft(String account, String room, Occupant occupant, Departure departure, Cause cause)
        implements RoomEvent {
}
