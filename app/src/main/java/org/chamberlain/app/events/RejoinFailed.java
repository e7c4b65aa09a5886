package org.chamberlain.app.events;

/**
 * After a reconnection, we could not get back into a room we were in.
 *
 * @param problem the sentence explaining why (e.g. "You are banned from room@…")
 * @param condition the refusal's condition, e.g. {@code forbidden}
 */
public record RejoinFailed(String account, String room, String problem, String condition) implements RoomEvent {
}
