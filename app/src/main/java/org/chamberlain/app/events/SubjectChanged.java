package org.chamberlain.app.events;

import java.util.Optional;

/** The room's subject was set or changed (also sent once when we join). */
public record SubjectChanged(String account, String room, String subject, Optional<String> byNickname)
        implements RoomEvent {
}
