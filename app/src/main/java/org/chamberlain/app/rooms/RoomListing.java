package org.chamberlain.app.rooms;

import java.util.Optional;

/**
 * A room found on a service (disco#items), with its details when they were asked for and given.
 *
 * @param detailsProblem why the details are missing, when they were asked for and refused
 */
public record RoomListing(String room, Optional<String> name, Optional<RoomDetails> details,
        Optional<String> detailsProblem) {
}
