package org.chamberlain.views.main;

import java.util.Objects;
import org.chamberlain.app.connections.Addresses;

/**
 * What one room tab is: a room seen and moderated as one of the connected accounts. Two accounts with the same
 * room open have two tabs, each acting only as its own account (a moderation tool must never act as the wrong
 * identity). Immutable; any thread.
 *
 * @param account the bare JID of the account the tab acts as
 * @param room the bare JID of the room
 */
public record RoomTab(String account, String room) {
    public RoomTab {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(room, "room");
    }

    /** The room's name without its service: "lobby" for lobby@conference.example.org. */
    public String roomName() {
        return Addresses.localpart(room);
    }

    /** The account's name without its domain: "alice" for alice@example.org. */
    public String accountName() {
        return Addresses.localpart(account);
    }
}
