package org.chamberlain.app.events;

/**
 * A listener registration; closing it stops further deliveries. Closing twice is harmless. Any thread.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Stops deliveries to the listener. Events already handed to its executor may still arrive. */
    @Override
    void close();
}
