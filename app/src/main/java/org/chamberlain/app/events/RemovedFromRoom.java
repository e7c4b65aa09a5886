package org.chamberlain.app.events;

/** We were removed from the room: kicked, banned, or our membership taken away. */
public record RemovedFromRoom(String account, String room, Departure departure, Cause cause) implements RoomEvent {
}
