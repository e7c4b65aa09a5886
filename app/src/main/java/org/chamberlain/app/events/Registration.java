package org.chamberlain.app.events;

/**
 * A listener registration; closing it stops further deliveries. Closing twice is harmless. Any thread.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /**
     * Stops deliveries to the listener: after this returns, no event reaches it, except one whose delivery is
     * already running on the listener's executor at that moment.
     */
    @Override
    void close();
}
