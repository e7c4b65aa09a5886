package org.chamberlain.views.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A task's progress reaches its row on the FX thread at most every 40 ms however often the task reports it, and
 * the latest value always arrives (also when it came right after the previous update).
 */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerProgressTest {

    @Start
    void start(Stage stage) {
        // The toolkit only; no window.
    }

    @Test
    void progressIsCoalescedAndTheLatestValueArrives() throws Exception {
        try (FxTaskRunner runner = new FxTaskRunner(1)) {
            List<Double> shown = new CopyOnWriteArrayList<>();
            CountDownLatch lastShown = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> listening = new CompletableFuture<>();
            Platform.runLater(() -> {
                runner.tasks().running().addListener((ListChangeListener<BackgroundTasks.RunningTask>) change -> {
                    while (change.next()) {
                        for (BackgroundTasks.RunningTask task : change.getAddedSubList()) {
                            task.progress().addListener((obs, old, now) -> {
                                shown.add(now.doubleValue());
                                if (now.doubleValue() == 1.0) {
                                    lastShown.countDown();
                                }
                            });
                        }
                    }
                });
                listening.complete(null);
            });
            listening.get(10, TimeUnit.SECONDS);
            java.util.concurrent.atomic.AtomicLong reportedFor = new java.util.concurrent.atomic.AtomicLong(-1);
            runner.submit("steps", ctx -> {
                long started = System.nanoTime();
                for (int step = 1; step <= 1_000; step++) {
                    ctx.progress(step, 1_000, "step");
                    if (step % 10 == 0) {
                        Thread.sleep(1);
                    }
                }
                reportedFor.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                // The last step came right after an update: it must still be shown while the task goes on.
                finish.await(10, TimeUnit.SECONDS);
                return null;
            }, done -> { }, failure -> { });

            assertThat(lastShown.await(10, TimeUnit.SECONDS)).isTrue();
            finish.countDown();
            while (reportedFor.get() < 0) {
                Thread.sleep(5);
            }
            // 1,000 reports; at most one update per 40 ms (+3: the first one, the trailing one, timer slack).
            assertThat(shown.size()).isBetween(1, (int) (reportedFor.get() / 40) + 4);
            assertThat(shown.get(shown.size() - 1)).isEqualTo(1.0);
        }
    }
}
