package org.chamberlain.views.console;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Snapshot, compute off the FX thread, apply on the FX thread; debounced, and only the result of the latest
 * request is applied (an older computation that finishes late is dropped). All methods are called on the
 * FX thread; {@code compute} runs on the given executor, {@code apply} on the FX thread.
 *
 * @param <S> the snapshot handed to the computation (immutable)
 * @param <R> the result applied to the view
 */
public final class LatestWins<S, R> {
    private final PauseTransition debounce;
    private final Executor background;
    private final Function<S, R> compute;
    private final Consumer<R> apply;
    private final Consumer<Throwable> onError;
    private S pending;
    private long generation;

    public LatestWins(Duration delay, Executor background, Function<S, R> compute, Consumer<R> apply,
            Consumer<Throwable> onError) {
        this.debounce = new PauseTransition(delay);
        this.background = Objects.requireNonNull(background);
        this.compute = Objects.requireNonNull(compute);
        this.apply = Objects.requireNonNull(apply);
        this.onError = Objects.requireNonNull(onError);
        debounce.setOnFinished(e -> start());
    }

    /** Asks for a computation on {@code snapshot} once the input has been quiet for the delay. */
    public void request(S snapshot) {
        pending = snapshot;
        generation++;
        debounce.playFromStart();
    }

    /** Computes at once, without waiting for the delay (e.g. after loading a file). */
    public void requestNow(S snapshot) {
        pending = snapshot;
        generation++;
        debounce.stop();
        start();
    }

    /** Drops any pending or running computation's result. */
    public void cancel() {
        generation++;
        debounce.stop();
        pending = null;
    }

    private void start() {
        S snapshot = pending;
        if (snapshot == null) {
            return;
        }
        pending = null;
        long mine = generation;
        try {
            background.execute(() -> {
                try {
                    R result = compute.apply(snapshot);
                    Platform.runLater(() -> {
                        if (mine == generation) {
                            apply.accept(result);
                        }
                    });
                } catch (RuntimeException e) {
                    Platform.runLater(() -> onError.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // The owner shut the executor down: the view is closing, nothing is left to update.
            generation++;
        }
    }
}
