package org.chamberlain.app.events;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listeners of one event type, each with the executor it wants its events on.
 *
 * <p>Thread-safe. {@link #publish} never runs listener code on the calling thread (unless the listener
 * chose a same-thread executor) and never blocks, so Smack's threads may call it.
 *
 * @param <E> the event type
 */
public final class Listeners<E> {
    private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

    private final CopyOnWriteArrayList<Entry<E>> entries = new CopyOnWriteArrayList<>();

    /** Registers {@code listener}; events arrive through {@code executor}. Any thread. */
    public Registration add(Consumer<? super E> listener, Executor executor) {
        Entry<E> entry = new Entry<>(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(executor, "executor"));
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /** Hands {@code event} to every listener's executor. Any thread, returns at once. */
    public void publish(E event) {
        Objects.requireNonNull(event, "event");
        for (Entry<E> entry : entries) {
            try {
                entry.executor.execute(() -> {
                    if (entries.contains(entry)) {
                        entry.listener.accept(event);
                    }
                });
            } catch (RejectedExecutionException e) {
                // The listener's executor was shut down by its owner: the owner is gone, so is the listener.
                entries.remove(entry);
                LOG.log(Level.FINE, "Dropped a listener whose executor no longer accepts tasks", e);
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Compared by identity: the same listener registered twice is two registrations, closed separately. */
    private static final class Entry<E> {
        private final Consumer<? super E> listener;
        private final Executor executor;

        Entry(Consumer<? super E> listener, Executor executor) {
            this.listener = listener;
            this.executor = executor;
        }
    }
}
