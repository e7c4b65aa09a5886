package org.chamberlain.views.tasks;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * The app's task runner: a small pool of daemon threads for network work, results delivered with
 * {@link Platform#runLater}. Owned by {@code ChamberlainApp}, closed in its {@code stop()}.
 *
 * <p>Progress updates from a busy task are coalesced: at most one pending UI update per task, so a task
 * that reports 1,000 items does not flood the FX event queue.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    /** Progress reaches the UI thread at most this often per task (25 times a second). */
    static final long PROGRESS_PERIOD_NANOS = 40_000_000L;
    private final ExecutorService pool;
    /** Posts progress that came too soon after the previous update, a little later (see TaskState#progress). */
    private final ScheduledExecutorService progressTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chamberlain-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final BackgroundTasks tasks = new BackgroundTasks();

    public FxTaskRunner(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, new NamedThreads());
    }

    @Override
    public <T> Cancellable submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        AtomicBoolean cancelled = new AtomicBoolean();
        TaskState state = new TaskState(title, cancelled);
        Platform.runLater(state::start);
        Future<?> future = pool.submit(() -> {
            try {
                T result = work.run(state);
                Platform.runLater(() -> {
                    state.finish();
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception | Error e) {
                // Handed to the person through onFailure; logged here once for the details.
                LOG.log(Level.FINE, "Background task failed: " + title, e);
                Platform.runLater(() -> {
                    state.finish();
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return () -> {
            cancelled.set(true);
            future.cancel(true);
            Platform.runLater(state::finish);
        };
    }

    @Override
    public java.util.concurrent.Executor uiExecutor() {
        return Platform::runLater;
    }

    @Override
    public BackgroundTasks tasks() {
        return tasks;
    }

    @Override
    public void close() {
        progressTimer.shutdownNow();
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warning("Background tasks still running 3 s after shutdown; they are daemon threads");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One task's link to its row in {@link BackgroundTasks}; all row changes happen on the FX thread. */
    private final class TaskState implements TaskContext {
        private final String title;
        private final AtomicBoolean cancelled;
        private final AtomicBoolean updatePending = new AtomicBoolean();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private volatile String message = "";
        private BackgroundTasks.RunningTask row;
        private boolean finished;

        TaskState(String title, AtomicBoolean cancelled) {
            this.title = title;
            this.cancelled = cancelled;
        }

        void start() {
            if (!finished) {
                row = tasks.started(title);
            }
        }

        void finish() {
            finished = true;
            if (row != null) {
                tasks.finished(row);
                row = null;
            }
        }

        /** When the row last showed progress; written on the FX thread. */
        private volatile long lastUpdateNanos = System.nanoTime() - PROGRESS_PERIOD_NANOS;

        @Override
        public void progress(long doneSteps, long totalSteps, String text) {
            done.set(doneSteps);
            total.set(totalSteps);
            message = text;
            // At most one update per PROGRESS_PERIOD_NANOS reaches the UI thread, the latest values at most that
            // late: Apply reports ~1,000 steps a second, and on GTK every runLater is a hand-off through Glass's
            // dispatcher thread, so an update per step kept the UI thread (and that thread) waking for nothing.
            if (updatePending.compareAndSet(false, true)) {
                long wait = PROGRESS_PERIOD_NANOS - (System.nanoTime() - lastUpdateNanos);
                if (wait <= 0) {
                    postUpdate();
                } else if (!progressTimer.isShutdown()) {
                    progressTimer.schedule(this::postUpdate, wait, TimeUnit.NANOSECONDS);
                }
            }
        }

        private void postUpdate() {
            Platform.runLater(() -> {
                updatePending.set(false);
                lastUpdateNanos = System.nanoTime();
                if (row != null) {
                    row.update(done.get(), total.get(), message);
                }
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get() || Thread.currentThread().isInterrupted();
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "chamberlain-task-" + count.incrementAndGet());
            // Daemon: a stuck network call must not keep the JVM alive after the window closed.
            thread.setDaemon(true);
            return thread;
        }
    }
}
