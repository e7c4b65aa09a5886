package org.chamberlain.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenersTest {

    @Test
    void eventsRunOnTheListenersExecutorAndStopWhenTheRegistrationIsClosed() throws Exception {
        Listeners<String> listeners = new Listeners<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "listener-thread"));
        try {
            Registration registration = listeners.add(event -> threads.add(Thread.currentThread().getName() + ":"
                    + event), executor);
            listeners.publish("one");
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            registration.close();
            registration.close();
            listeners.publish("two");
            executor.shutdown();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).containsExactly("listener-thread:one");
            assertThat(listeners.isEmpty()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void eventsHandedOverButNotYetRunAreNotDeliveredAfterClose() {
        Listeners<String> listeners = new Listeners<>();
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Registration registration = listeners.add(seen::add, queued::add);
        listeners.publish("late");
        registration.close();
        queued.forEach(Runnable::run);
        assertThat(queued).hasSize(1);
        assertThat(seen).isEmpty();
    }

    @Test
    void sameListenerTwiceIsTwoRegistrationsAndAShutDownExecutorDropsItsListener() {
        Listeners<String> listeners = new Listeners<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Registration first = listeners.add(seen::add, Runnable::run);
        listeners.add(seen::add, Runnable::run);
        first.close();
        listeners.publish("x");
        assertThat(seen).containsExactly("x");

        ExecutorService gone = Executors.newSingleThreadExecutor();
        gone.shutdown();
        listeners.add(seen::add, gone);
        listeners.publish("y");
        listeners.publish("z");
        assertThat(seen).containsExactly("x", "y", "z");
    }
}
