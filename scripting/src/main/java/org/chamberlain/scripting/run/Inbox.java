package org.chamberlain.scripting.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receive queues of one script's accounts, and the first connection problem of any of them. Connection
 * threads add (never block beyond a short lock); the runner thread takes and waits. One lock for all accounts,
 * so a runner waiting on one account also wakes when another account's connection dies.
 */
final class Inbox {
    /** How long {@link #take} watches for an arrival on the CPU before it parks. */
    private static final long SPIN_NANOS = 500_000;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, ArrayDeque<ReceivedStanza>> queues = new HashMap<>();
    private String problem;
    /** Counts every add and problem, so a spinning runner sees a change without taking the lock. */
    private volatile long changes;

    /** What {@link #take} found. */
    record Taken(ReceivedStanza stanza, String problem) {
    }

    /** Called on a connection's reader thread. */
    void add(ReceivedStanza stanza) {
        lock.lock();
        try {
            queues.computeIfAbsent(stanza.account(), key -> new ArrayDeque<>()).addLast(stanza);
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records a connection problem (the first one wins) and wakes the runner. Any thread. */
    void problem(String message) {
        lock.lock();
        try {
            if (problem == null) {
                problem = message;
            }
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    String problem() {
        lock.lock();
        try {
            return problem;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The account's next stanza, waiting until {@code deadlineNanos}. Queued stanzas come first; when the queue
     * is empty and a connection problem is known, the problem is returned.
     *
     * @return null when the time ran out
     */
    Taken take(String account, long deadlineNanos) throws InterruptedException {
        boolean spun = false;
        lock.lock();
        try {
            while (true) {
                ArrayDeque<ReceivedStanza> queue = queues.get(account);
                if (queue != null && !queue.isEmpty()) {
                    return new Taken(queue.removeFirst(), null);
                }
                if (problem != null) {
                    return new Taken(null, problem);
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                if (!spun) {
                    // An answer usually comes within a fraction of a millisecond: waiting for it on the CPU saves
                    // the wake-up of a parked thread (tens of microseconds idle, far more on a busy machine).
                    spun = true;
                    long seen = changes;
                    long spinUntil = System.nanoTime() + Math.min(left, SPIN_NANOS);
                    lock.unlock();
                    try {
                        while (changes == seen && System.nanoTime() < spinUntil) {
                            Thread.onSpinWait();
                        }
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns everything queued for the account. */
    List<ReceivedStanza> drain(String account) {
        lock.lock();
        try {
            ArrayDeque<ReceivedStanza> queue = queues.remove(account);
            return queue == null ? List.of() : new ArrayList<>(queue);
        } finally {
            lock.unlock();
        }
    }
}
