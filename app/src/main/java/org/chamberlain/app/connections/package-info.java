/**
 * Connections of several accounts at once: connect, disconnect, state as events, reconnection with backoff,
 * TLS policy and certificate decisions.
 *
 * <p>Threading: {@link org.chamberlain.app.connections.AccountConnection#connect()} blocks until logged in or
 * refused; call it from a background thread. State changes are delivered on the executor each listener
 * chose. Reconnection attempts run on the scheduler owned by
 * {@link org.chamberlain.app.connections.ConnectionManager}, never on Smack's threads.
 */
package org.chamberlain.app.connections;
