package org.chamberlain.scripting.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sockets of one replay, all served by the runner thread: every connection's non-blocking channel is
 * registered with one {@link Selector}, and whenever the runner waits (for a stanza, for silence, for a step
 * of a login, for the server's closing tag, for the end of the pause after a send) it reads whatever arrived
 * on <em>any</em> connection and hands it to that connection. So a stanza's arrival time is when the runner
 * read it, a connection that dies is noticed during any wait, and no thread hands anything to another: on
 * this virtual machine each such hand-off cost the wake-up of an idle vCPU (docs/decisions/0003).
 *
 * <p>Before it blocks in the selector, a wait watches for readiness on the CPU for a short time
 * ({@code -Dchamberlain.replay.spinMicros}, default {@value #DEFAULT_SPIN_MICROS} µs): an answer usually comes
 * within a fraction of a millisecond, and a runner that does not sleep needs no wake-up.
 *
 * <p>Threads: created, used and closed by the runner thread only.
 */
final class Poller implements AutoCloseable {
    static final long DEFAULT_SPIN_MICROS = 500;
    private static final long SPIN_NANOS = Long.getLong("chamberlain.replay.spinMicros", DEFAULT_SPIN_MICROS) * 1000;
    private static final long MILLI = 1_000_000;

    private final Selector selector;
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    /** Host names resolved in this run: one look-up per host, not one per connect. */
    private final Map<String, InetAddress> addresses = new HashMap<>();
    private long dispatchNanos;
    private long pollNanos;

    private Poller(Selector selector) {
        this.selector = selector;
    }

    static Poller open() {
        try {
            return new Poller(Selector.open());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the replay's sockets", e);
        }
    }

    InetAddress resolve(String host) throws UnknownHostException {
        InetAddress address = addresses.get(host);
        if (address == null) {
            address = InetAddress.getByName(host);
            addresses.put(host, address);
        }
        return address;
    }

    /** Registers a connecting channel; its connection is told what becomes ready. */
    SelectionKey register(SocketChannel channel, RawConnection connection) throws ClosedChannelException {
        return channel.register(selector, SelectionKey.OP_CONNECT, connection);
    }

    /** Handles whatever is ready now, without waiting. */
    void pollNow() {
        try {
            selector.selectNow(dispatch);
        } catch (IOException e) {
            throw new UncheckedIOException("the selector of the replay's sockets failed", e);
        }
    }

    /**
     * Waits until something is ready on one of the connections or the deadline passes, and handles everything
     * that is ready.
     *
     * @return false if the deadline passed and nothing was ready
     * @throws InterruptedException if the runner thread is interrupted
     */
    boolean poll(long deadlineNanos) throws InterruptedException {
        long start = System.nanoTime();
        long handledBefore = dispatchNanos;
        try {
            long spinEnd = start + Math.min(SPIN_NANOS, deadlineNanos - start);
            do {
                if (selector.selectNow(dispatch) > 0) {
                    return true;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - spinEnd < 0);
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Millisecond resolution: round up, a deadline is never cut short (0 would mean "forever").
                int ready = selector.select(dispatch, Math.max(1, (left + MILLI - 1) / MILLI));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (ready > 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector of the replay's sockets failed", e);
        } finally {
            pollNanos += System.nanoTime() - start - (dispatchNanos - handledBefore);
        }
    }

    /**
     * Handles arrivals until {@code untilNanos} exactly (the end of the pause after a send): blocks in the
     * selector while more than the spin time is left, then watches on the CPU, so the pause does not overshoot
     * by a timer's slack.
     */
    void pollUntil(long untilNanos) throws InterruptedException {
        long start = System.nanoTime();
        long handledBefore = dispatchNanos;
        try {
            long left;
            while ((left = untilNanos - System.nanoTime()) > 0) {
                long blockMillis = (left - SPIN_NANOS) / MILLI;
                if (blockMillis >= 1) {
                    selector.select(dispatch, blockMillis);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                } else {
                    selector.selectNow(dispatch);
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector of the replay's sockets failed", e);
        } finally {
            pollNanos += System.nanoTime() - start - (dispatchNanos - handledBefore);
        }
    }

    /** Nanoseconds this runner spent waiting in the selector (not reading or handling what arrived). */
    long waitedNanos() {
        return pollNanos;
    }

    private void dispatch(SelectionKey key) {
        long start = System.nanoTime();
        RawConnection connection = (RawConnection) key.attachment();
        if (key.isValid()) {
            connection.ready(key.readyOps());
        }
        dispatchNanos += System.nanoTime() - start;
    }

    /** Closes the selector; the channels were closed by their connections. */
    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the selector of the replay's sockets", e);
        }
    }
}
