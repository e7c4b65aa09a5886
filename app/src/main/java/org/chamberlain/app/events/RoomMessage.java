package org.chamberlain.app.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A group-chat message in a room: sent live, our own message reflected back by the room, or history the room
 * replayed when we joined.
 *
 * @param nickname who sent it; empty when the room itself speaks (its bare JID as sender)
 * @param body the text
 * @param at when it was sent: the delay stamp (XEP-0203) for history, otherwise when it arrived
 * @param own true when it came from our own nickname in the room (the room's echo of what we sent)
 * @param history true when the room replayed it from before we joined (it carries a delay stamp)
 */
public record RoomMessage(String account, String room, Optional<String> nickname, String body, Instant at,
        boolean own, boolean history) implements RoomEvent {

    public RoomMessage {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }
}
