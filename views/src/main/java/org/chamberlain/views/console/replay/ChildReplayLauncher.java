package org.chamberlain.views.console.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.chamberlain.views.console.ReplayLauncher;

/**
 * Starts replays as child JVMs running this app's own entry point ({@code Main replay --events …}) with the
 * same {@code java} and class path. Owns the children it started: {@link #close()} kills those still running
 * and joins their reader threads (the console's owner calls it when the app exits). Also owns the timer
 * thread that spaces event batches (see {@link EventBatcher}), shut down by {@link #close()}.
 */
public final class ChildReplayLauncher implements ReplayLauncher, AutoCloseable {
    private final Executor ui;
    private final String mainClass;
    private final List<ReplayProcess> started = new ArrayList<>();
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "replay-batch-timer");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param ui where event batches are delivered ({@code Platform::runLater} in the app)
     */
    public ChildReplayLauncher(Executor ui) {
        this(ui, ReplayProcess.MAIN_CLASS);
    }

    /** With another main class whose arguments follow the {@code replay} subcommand (the driver's tests). */
    public ChildReplayLauncher(Executor ui, String mainClass) {
        this.ui = ui;
        this.mainClass = mainClass;
    }

    @Override
    public Handle start(List<String> replayArgs, Path workingDir, Consumer<List<ReplayEvent>> onFxThread)
            throws IOException {
        ReplayProcess process = ReplayProcess.start(ReplayProcess.commandForThisJvm(mainClass, replayArgs),
                workingDir, ui, onFxThread, (nanos, task) -> delays.schedule(task, nanos, TimeUnit.NANOSECONDS));
        synchronized (started) {
            started.removeIf(p -> !p.isAlive());
            started.add(process);
        }
        return new Handle() {
            @Override
            public void send(String command) {
                process.send(command);
            }

            @Override
            public void stop() {
                process.stop();
            }
        };
    }

    @Override
    public void close() {
        List<ReplayProcess> all;
        synchronized (started) {
            all = new ArrayList<>(started);
            started.clear();
        }
        all.forEach(ReplayProcess::close);
        delays.shutdownNow();
    }
}
