package org.chamberlain.app.connections;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SmackException.SmackWrappedException;

/**
 * Lets a failed connection attempt wait until Smack has finished tearing it down, so the next attempt on the same
 * {@code XMPPTCPConnection} cannot be closed by the previous attempt's late teardown.
 *
 * <p>Why this exists (Smack 4.5.0-rc1, read in {@code AbstractXMPPConnection.notifyConnectionError} and
 * {@code XMPPTCPConnection.PacketReader}): when the reader (or writer) thread fails, for example because our trust
 * manager rejected the certificate during STARTTLS, it calls {@code notifyConnectionError(e)}, which checks that the
 * connection is connected, stores {@code e} as the current connection exception (this wakes the thread blocked in
 * {@code connect()}, which throws {@code SmackWrappedException(e)} and runs its own {@code instantShutdown()}), and
 * only then calls {@code instantShutdown()} itself. That second shutdown needs the connection's monitor, which the
 * failing {@code connect()} holds, so it runs whenever the reader thread gets the monitor next: possibly after a new
 * {@code connect()} on the same object has opened a fresh socket, which it then closes ("Not connected ... Did you
 * call connect() before login()?"). Last, {@code notifyConnectionError} hands
 * {@code connectionClosedOnError(e)} to yet another new thread. Smack offers no way to join its reader thread, but
 * that listener call with the identical exception object is the public sign that the teardown is complete.
 *
 * <p>Threading: {@link #reported} is called on Smack's listener thread and returns at once; {@link #awaitTeardown}
 * blocks the connecting thread (never Smack's).
 */
final class SmackTeardowns {
    /** Identity set: exceptions do not override equals; weak so reported errors nobody waits for are dropped. */
    private final Set<Throwable> reported = Collections.newSetFromMap(new WeakHashMap<>());

    /** Smack has delivered {@code connectionClosedOnError(error)}: its teardown for that error is over. */
    void reported(Throwable error) {
        synchronized (reported) {
            reported.add(error);
            reported.notifyAll();
        }
    }

    /**
     * The error Smack's reader or writer thread reported if {@code attemptFailure} is how {@code connect()} or
     * {@code login()} passed it on (the wrapped cause of a {@link SmackWrappedException}); null when the attempt
     * failed on the calling thread, which Smack tears down before it throws.
     */
    static Throwable connectionThreadError(Exception attemptFailure) {
        return attemptFailure instanceof SmackWrappedException ? attemptFailure.getCause() : null;
    }

    /**
     * Waits until {@code connectionClosedOnError(error)} has been delivered, at most {@code timeoutMillis}.
     *
     * @return false when the time ran out (Smack did not finish, or did not report this error through
     *     {@code notifyConnectionError})
     */
    boolean awaitTeardown(Throwable error, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (reported) {
            while (!reported.remove(error)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(reported, left);
            }
            return true;
        }
    }
}
