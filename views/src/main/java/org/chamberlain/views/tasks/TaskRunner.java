package org.chamberlain.views.tasks;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs work away from the UI thread and hands results back to it. One instance is owned by the composition
 * root ({@code ChamberlainApp}) and closed when the app exits; view models receive it through their
 * constructors, so tests can swap in {@link SameThreadTaskRunner}.
 *
 * <p>Threads: {@link #submit} may be called from any thread. {@code onSuccess}, {@code onFailure} and
 * everything posted through {@link #uiExecutor()} run on the UI thread (the JavaFX application thread in the
 * app, the calling thread in tests). The work itself runs on a background thread and must not touch
 * JavaFX nodes.
 */
public interface TaskRunner extends AutoCloseable {

    /**
     * Starts {@code work} in the background.
     *
     * @param title what the status bar shows while the task runs ("Joining room@service…")
     * @return a handle to cancel the task; a cancelled task reports neither success nor failure
     */
    <T> Cancellable submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure);

    /** Runs things on the UI thread: where listeners of the core hand their copied data over. */
    Executor uiExecutor();

    /** The tasks running now, for the status bar. Changes only on the UI thread. */
    BackgroundTasks tasks();

    /** Stops accepting work, interrupts running work and waits briefly for it to end. */
    @Override
    void close();

    /** Work done in the background; reports progress through the context. */
    @FunctionalInterface
    interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    /** Lets a task say how far it is; callable from the background thread. */
    interface TaskContext {
        /** {@code done} of {@code total} steps, with a short message; {@code total <= 0} means unknown. */
        void progress(long done, long total, String message);

        boolean isCancelled();
    }

    /** Cancels one task. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
