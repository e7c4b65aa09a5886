/**
 * Rooms: finding MUC services and their rooms, room information, joining and leaving, creating instant and
 * reserved rooms, subject and nickname changes, room registration.
 *
 * <p>Every service method blocks on server round trips: call it from a background thread, never from the UI
 * thread or a Smack listener. Refusals arrive as {@link org.chamberlain.app.errors.ModerationException}.
 */
package org.chamberlain.app.rooms;
