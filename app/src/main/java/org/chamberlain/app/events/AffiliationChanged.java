package org.chamberlain.app.events;

import java.util.Optional;

/**
 * A person's affiliation changed, whether they are in the room (seen in their presence) or not (the room
 * announces it to occupants in a message).
 *
 * @param jid the affected bare JID, when the room shows it
 * @param nickname the occupant's nickname if they are in the room
 * @param affiliation the new affiliation
 * @param previous the previous one, when we knew it
 */
public record AffiliationChanged(String account, String room, Optional<String> jid, Optional<String> nickname,
        Affiliation affiliation, Optional<Affiliation> previous, Cause cause) implements RoomEvent {
}
