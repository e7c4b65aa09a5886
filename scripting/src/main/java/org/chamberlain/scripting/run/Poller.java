package org.chamberlain.scripting.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
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
 * within a fraction of a millisecond, and a runner that does not sleep needs no wake-up. On a machine with more
 * work than cores the spin would take CPU from the server (measured: slower connects, more CPU, and the suite's
 * races showed up more often), so a spin that finds itself descheduled stops spinning for a while.
 *
 * <p>Threads: created, used and closed by the runner thread only.
 */
final class Poller implements AutoCloseable {
    static final long DEFAULT_SPIN_MICROS = 500;
    private static final long SPIN_NANOS = Long.getLong("chamberlain.replay.spinMicros", DEFAULT_SPIN_MICROS) * 1000;
    private static final long MILLI = 1_000_000;
    /** Sleeping shorter than this overshoots by about as much (timer slack, wake-up): the rest is spun. */
    private static final long PAUSE_SPIN_NANOS = 100_000;

    /** A gap this long between two looks of a spin means the thread was descheduled. */
    private static final long PREEMPTED_NANOS = 200_000;
    /** How long the poller does not spin after it was descheduled while spinning. */
    private static final long NO_SPIN_NANOS = 200 * MILLI;

    private final Selector selector;
    private long noSpinUntil = System.nanoTime();
    private long spunNanos;
    private int preemptions;
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    /** Host names resolved in this run: one look-up per host, not one per connect. */
    private final Map<String, InetAddress> addresses = new HashMap<>();
    /** Per "address port domain": the first stream features the latest connection there saw. */
    private final Map<String, KnownFeatures> knownFeatures = new HashMap<>();
    private final Logins logins = new Logins();
    private long dispatchNanos;
    private long pollNanos;

    /** What a server's first stream features offered, as far as a pipelined login cares. */
    record KnownFeatures(boolean startTls, List<String> mechanisms) {
        KnownFeatures {
            mechanisms = List.copyOf(mechanisms);
        }
    }

    /** Counts and times the run's logins (for {@code --bench}). */
    static final class Logins {
        private int pipelined;
        private int fallbacks;
        private int prepared;
        private int preparedRedone;
        private final List<LoginFigures.Stages> stages = new ArrayList<>();

        void pipelined() {
            pipelined++;
        }

        void fallback() {
            fallbacks++;
        }

        void prepared() {
            prepared++;
        }

        void preparedRedone() {
            preparedRedone++;
        }

        void add(long tcpNanos, long featuresNanos, long saslNanos, long bindNanos, int waits, boolean ahead) {
            stages.add(new LoginFigures.Stages(tcpNanos, featuresNanos, saslNanos, bindNanos, waits, ahead));
        }

        LoginFigures figures() {
            return new LoginFigures(pipelined, fallbacks, prepared, preparedRedone, stages);
        }
    }

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

    /** The features an earlier connection of this run saw at {@code server}, or null. */
    KnownFeatures knownFeatures(String server) {
        return knownFeatures.get(server);
    }

    void rememberFeatures(String server, KnownFeatures features) {
        knownFeatures.put(server, features);
    }

    Logins logins() {
        return logins;
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
            if (start - noSpinUntil >= 0) {
                long spinEnd = start + Math.min(SPIN_NANOS, deadlineNanos - start);
                long last = start;
                while (true) {
                    if (selector.selectNow(dispatch) > 0) {
                        return true;
                    }
                    Thread.onSpinWait();
                    long now = System.nanoTime();
                    if (now - last > PREEMPTED_NANOS) {
                        // The core was taken away from us mid-spin: the machine has more work than cores, and
                        // spinning would take CPU from the server. Block instead for a while.
                        preemptions++;
                        noSpinUntil = now + NO_SPIN_NANOS;
                        break;
                    }
                    last = now;
                    if (now - spinEnd >= 0) {
                        break;
                    }
                }
                spunNanos += System.nanoTime() - start;
            }
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
                // Not the receive spin: during the pause the server is busy with our stanza, and on a busy machine
                // a spinning runner would take the core it needs (which made the suite's races more likely).
                long blockMillis = (left - PAUSE_SPIN_NANOS) / MILLI;
                if (blockMillis >= 1) {
                    selector.select(dispatch, blockMillis);
                } else if (left > PAUSE_SPIN_NANOS) {
                    LockSupport.parkNanos(left - PAUSE_SPIN_NANOS);
                    selector.selectNow(dispatch);
                } else {
                    selector.selectNow(dispatch);
                    Thread.onSpinWait();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector of the replay's sockets failed", e);
        } finally {
            pollNanos += System.nanoTime() - start - (dispatchNanos - handledBefore);
        }
    }

    /** Nanoseconds spent spinning before blocking (included in {@link #waitedNanos}). */
    long spunNanos() {
        return spunNanos;
    }

    /** How often a spin was cut short because the thread lost its core (spinning then pauses for a while). */
    int preemptions() {
        return preemptions;
    }

    /** Nanoseconds spent reading and splitting what arrived (every connection). */
    long readNanos() {
        return dispatchNanos;
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
