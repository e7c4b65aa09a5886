/**
 * Inviting people to rooms, mediated by the room (XEP-0045 §7.8.2) or direct (XEP-0249). Received
 * invitations arrive as {@link org.chamberlain.app.events.InvitationReceived} events from the
 * {@link org.chamberlain.app.occupants.OccupantTracker}.
 *
 * <p>Service methods block on server round trips: call from a background thread.
 */
package org.chamberlain.app.invitations;
