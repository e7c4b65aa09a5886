package org.chamberlain.app.events;

/** Someone entered the room (or was present when we joined). */
public record OccupantJoined(String account, String room, Occupant occupant) implements RoomEvent {
}
