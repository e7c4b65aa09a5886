package org.chamberlain.views.tasks;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs work at once on the calling thread and calls back on it: for view-model tests without a toolkit,
 * where the order of events must be deterministic.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final BackgroundTasks tasks = new BackgroundTasks();
    private boolean closed;

    @Override
    public <T> Cancellable submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        if (closed) {
            throw new IllegalStateException("The task runner is closed");
        }
        BackgroundTasks.RunningTask row = tasks.started(title);
        T result;
        try {
            result = work.run(new TaskContext() {
                @Override
                public void progress(long done, long total, String message) {
                    row.update(done, total, message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        } catch (Exception e) {
            tasks.finished(row);
            onFailure.accept(e);
            return () -> { };
        }
        tasks.finished(row);
        onSuccess.accept(result);
        return () -> { };
    }

    @Override
    public Executor uiExecutor() {
        return Runnable::run;
    }

    @Override
    public BackgroundTasks tasks() {
        return tasks;
    }

    @Override
    public void close() {
        closed = true;
    }
}
