/**
 * Who is in which room, live, and the moderator actions on occupants (kick, voice, moderator, ban).
 *
 * <p>{@link org.chamberlain.app.occupants.OccupantTracker} watches every MUC presence and message of one
 * account on Smack's listener thread, updates its in-memory lists and publishes
 * {@link org.chamberlain.app.events.RoomEvent}s to listener executors; it never blocks there.
 * {@link org.chamberlain.app.occupants.OccupantModeration} blocks on server round trips: call it from a
 * background thread.
 */
package org.chamberlain.app.occupants;
