package org.chamberlain.scripting.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receive queues of one script's accounts, and the first connection problem of any of them. Filled by the
 * connections while the runner waits in the {@link Poller} (which reads every connection of the script), so a
 * runner waiting for one account also learns at once when another account's connection dies.
 *
 * <p>Threads: the runner thread only (connections are served by it too), so there are no locks.
 */
final class Inbox {
    private final Poller poller;
    private final Map<String, ArrayDeque<ReceivedStanza>> queues = new HashMap<>();
    private String problem;

    Inbox(Poller poller) {
        this.poller = poller;
    }

    /** What {@link #take} found. */
    record Taken(ReceivedStanza stanza, String problem) {
    }

    /** Called by an account's connection when a stanza arrived. */
    void add(ReceivedStanza stanza) {
        queues.computeIfAbsent(stanza.account(), key -> new ArrayDeque<>()).addLast(stanza);
    }

    /** Records a connection problem (the first one wins). */
    void problem(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    String problem() {
        return problem;
    }

    /**
     * The account's next stanza, waiting until {@code deadlineNanos} (reading every connection meanwhile).
     * Queued stanzas come first; when the queue is empty and a connection problem is known, the problem is
     * returned.
     *
     * @return null when the time ran out
     */
    Taken take(String account, long deadlineNanos) throws InterruptedException {
        boolean lastLook = false;
        while (true) {
            ArrayDeque<ReceivedStanza> queue = queues.get(account);
            if (queue != null && !queue.isEmpty()) {
                return new Taken(queue.removeFirst(), null);
            }
            if (problem != null) {
                return new Taken(null, problem);
            }
            if (deadlineNanos - System.nanoTime() <= 0) {
                if (lastLook) {
                    return null;
                }
                // What is in the kernel's buffers at the deadline still counts.
                lastLook = true;
                poller.pollNow();
                continue;
            }
            poller.poll(deadlineNanos);
        }
    }

    /** Removes and returns everything queued for the account. */
    List<ReceivedStanza> drain(String account) {
        ArrayDeque<ReceivedStanza> queue = queues.remove(account);
        return queue == null ? List.of() : new ArrayList<>(queue);
    }
}
