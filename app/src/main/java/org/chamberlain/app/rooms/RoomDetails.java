package org.chamberlain.app.rooms;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a room says about itself (disco#info with the muc#roominfo form).
 *
 * @param occupants the number of occupants, when the room tells
 */
public record RoomDetails(String room, Optional<String> name, Optional<String> description, Optional<String> subject,
        OptionalInt occupants, boolean membersOnly, boolean moderated, boolean nonAnonymous,
        boolean passwordProtected, boolean persistent, Optional<String> language) {
}
