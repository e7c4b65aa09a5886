package org.chamberlain.app.invitations;

import java.util.Optional;

/**
 * What happened for one invitee.
 *
 * @param invitee the invitee as given (or its bare JID when it parsed)
 * @param sent whether the invitation was sent
 * @param membership for members-only rooms: what was done about the invitee's membership ("granted",
 *     "already member", or why it was not granted); empty for open rooms
 * @param error why the invitation was not sent
 */
public record InvitationResult(String invitee, boolean sent, Optional<String> membership, Optional<String> error) {
}
