package org.chamberlain.views.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.chamberlain.views.console.replay.ReplayEvent;

/**
 * Starts a replay given the {@code replay} subcommand's arguments; events arrive in batches on the FX
 * thread. The app's implementation runs a child JVM ({@link org.chamberlain.views.console.replay.ReplayProcess}).
 */
@FunctionalInterface
public interface ReplayLauncher {

    /** A started replay: step commands and stop. Methods may be called from the FX thread. */
    interface Handle {
        void send(String command);

        void stop();
    }

    /** Starts the replay; called on a background thread (spawning a JVM takes a few milliseconds). */
    Handle start(List<String> replayArgs, Path workingDir, Consumer<List<ReplayEvent>> onFxThread)
            throws IOException;
}
