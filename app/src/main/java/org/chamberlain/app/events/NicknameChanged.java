package org.chamberlain.app.events;

/** An occupant (possibly us: {@code self}) changed nickname. */
public record NicknameChanged(String account, String room, String oldNickname, String newNickname, boolean self)
        implements RoomEvent {
}
