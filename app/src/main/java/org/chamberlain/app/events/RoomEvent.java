package org.chamberlain.app.events;

import java.util.Optional;

/**
 * Something that happened in a room, as seen by one account. Immutable; safe to pass between threads.
 */
public sealed interface RoomEvent permits OccupantJoined, OccupantLeft, OccupantRoleChanged, NicknameChanged,
        AffiliationChanged, InvitationReceived, InvitationDeclined, RoomDestroyed, RemovedFromRoom,
        SubjectChanged, RejoinFailed, RoomMessage {

    /** The bare JID of the account that saw it. */
    String account();

    /** The room's bare JID. */
    String room();

    /** Why someone left or was removed, from the status codes of their unavailable presence. */
    enum Departure {
        /** Left on their own. */
        LEFT,
        /** Kicked by a moderator (status 307). */
        KICKED,
        /** Banned (status 301). */
        BANNED,
        /** Removed because their affiliation changed, e.g. membership revoked in a members-only room (321). */
        AFFILIATION_CHANGED,
        /** Removed because the room became members-only (322). */
        MEMBERS_ONLY,
        /** Removed because the service is shutting down (332). */
        SERVICE_SHUTDOWN,
        /** The room was destroyed. */
        ROOM_DESTROYED
    }

    /** Who did it and why, when the server told us. */
    record Cause(Optional<String> actor, Optional<String> reason) {
        public static final Cause NONE = new Cause(Optional.empty(), Optional.empty());

        public static Cause of(String actor, String reason) {
            return new Cause(Optional.ofNullable(actor), Optional.ofNullable(reason));
        }
    }
}
