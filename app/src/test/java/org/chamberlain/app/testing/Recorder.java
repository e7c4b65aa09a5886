package org.chamberlain.app.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects events delivered by a listener and waits for one that matches. Thread-safe. */
public final class Recorder<E> implements Consumer<E> {
    private final List<E> events = new ArrayList<>();

    @Override
    public synchronized void accept(E event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<E> events() {
        return List.copyOf(events);
    }

    /** The first event (seen so far or arriving within {@code timeout}) that matches; fails otherwise. */
    public synchronized <T extends E> T await(Class<T> type, Predicate<? super T> matching, Duration timeout)
            throws InterruptedException {
        return awaitAfter(null, type, matching, timeout);
    }

    /** Like {@link #await}, but only among the events recorded after {@code earlier} (that very object). */
    public synchronized <T extends E> T awaitAfter(E earlier, Class<T> type, Predicate<? super T> matching,
            Duration timeout) throws InterruptedException {
        int from = 0;
        if (earlier != null) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) == earlier) {
                    from = i + 1;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (E event : events.subList(from, events.size())) {
                if (type.isInstance(event) && matching.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching " + type.getSimpleName() + " within " + timeout
                        + "; got " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public <T extends E> T await(Class<T> type, Predicate<? super T> matching) throws InterruptedException {
        return await(type, matching, Duration.ofSeconds(10));
    }
}
