package org.chamberlain.app.events;

import java.util.Optional;

/**
 * We were invited to a room.
 *
 * @param inviter who invited us (a bare or full JID)
 * @param direct true for a direct invitation (XEP-0249), false for one mediated by the room (XEP-0045)
 */
public record InvitationReceived(String account, String room, Optional<String> inviter, Optional<String> reason,
        Optional<String> password, boolean direct) implements RoomEvent {

    @Override
    public String toString() {
        // The room password is a secret: keep it out of logs.
        return "InvitationReceived[account=" + account + ", room=" + room + ", inviter=" + inviter
                + ", reason=" + reason + ", password=" + (password.isPresent() ? "(given)" : "(none)")
                + ", direct=" + direct + "]";
    }
}
