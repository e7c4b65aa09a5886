/**
 * Destroying rooms: as their owner (with a reason and an alternate venue), or as a server administrator
 * through the MUC service's ad-hoc command when it offers one (Prosody:
 * {@code http://prosody.im/protocol/muc#destroy}). Blocks on server round trips: call from a background thread.
 */
package org.chamberlain.app.destruction;
