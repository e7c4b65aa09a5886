package org.chamberlain.app.rooms;

import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Role;

/**
 * We are in a room.
 *
 * @param room the room's bare JID
 * @param nickname our nickname there (the server may have changed the one we asked for)
 * @param role our role
 * @param affiliation our affiliation
 * @param created whether our join created the room (status 201)
 */
public record JoinedRoom(String room, String nickname, Role role, Affiliation affiliation, boolean created) {
}
