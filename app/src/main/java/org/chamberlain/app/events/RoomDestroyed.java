package org.chamberlain.app.events;

import java.util.Optional;

/** The room was destroyed while we were in it. */
public record RoomDestroyed(String account, String room, Optional<String> alternateVenue, Optional<String> reason)
        implements RoomEvent {
}
