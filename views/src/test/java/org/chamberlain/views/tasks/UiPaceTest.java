package org.chamberlain.views.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The back-pressure of {@link UiPace}, with a plain thread standing in for the UI thread. */
class UiPaceTest {

    @Test
    void aLoopNeverWaitsForAUiThreadThatKeepsUp() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            UiPace pace = new UiPace(ui, 20, 250);
            long started = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                pace.keepPace();
                Thread.sleep(0, 200_000);
            }
            assertThat(pace.waited()).startsWith("0 waits");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void aLoopWaitsUntilABusyUiThreadRanItsBeat() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch busy = new CountDownLatch(1);
            ui.execute(() -> {
                try {
                    busy.await(); // the UI thread is busy until the test lets it go
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            UiPace pace = new UiPace(ui, 20, 5_000);
            pace.keepPace(); // posts a beat, behind the busy task
            Thread.sleep(30);
            long released = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150);
            releaser.schedule(busy::countDown, 150, TimeUnit.MILLISECONDS);
            pace.keepPace(); // the beat is 30 ms late: waits until the UI thread ran it
            assertThat(System.nanoTime()).isGreaterThanOrEqualTo(released - TimeUnit.MILLISECONDS.toNanos(5));
            assertThat(pace.waitedMillis()).isBetween(100L, 4_000L);
        } finally {
            releaser.shutdownNow();
            ui.shutdownNow();
        }
    }

    @Test
    void aUiThreadBusyForLongerThanTheMaximumCostsTheLoopOneWaitPerBeat() throws Exception {
        List<Runnable> neverRun = new ArrayList<>();
        UiPace pace = new UiPace(neverRun::add, 10, 100);
        pace.keepPace();
        Thread.sleep(15);
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            pace.keepPace();
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(tookMillis).isBetween(95L, 1_000L);
        assertThat(pace.waited()).startsWith("1 waits");
        assertThat(neverRun).hasSize(1);
        // Once the beat runs, the pace posts a new one and waits for it again.
        neverRun.get(0).run();
        Thread.sleep(10);
        pace.keepPace();
        assertThat(neverRun).hasSize(2);
    }

    @Test
    void aCancelledLoopStopsWaiting() throws Exception {
        UiPace pace = new UiPace(task -> { }, 1, 10_000);
        pace.keepPace();
        Thread.sleep(5);
        Thread.currentThread().interrupt();
        assertThatThrownBy(pace::keepPace).isInstanceOf(InterruptedException.class);
    }

    @Test
    void offNeitherPostsNorWaits() throws Exception {
        UiPace pace = UiPace.off();
        for (int i = 0; i < 100; i++) {
            pace.keepPace();
        }
        assertThat(pace.waited()).isEqualTo("0 waits, 0 ms");
    }
}
