package org.chamberlain.views.shell;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Reports when a window has shown its first frame, for the start-up benchmark (docs/benchmarks.md); off
 * unless the system property {@value #PROPERTY} is set. The product's launcher and the benchmark's bare
 * window use this same probe, so both figures mean the same thing.
 *
 * <p>"Shown" is the second pulse after the stage is showing: Quantum hands a pulse's frame to the render
 * thread and waits for it before it renders the next pulse, so when the second pulse's layout is done the
 * first frame with the real scene is on the screen. Called on the FX thread.
 */
public final class FirstFrameProbe {
    /** {@code print}: print {@code first-frame-epoch-ms=N}; {@code exit}: print, then close the window. */
    public static final String PROPERTY = "chamberlain.firstFrameProbe";
    public static final String OUTPUT_PREFIX = "first-frame-epoch-ms=";

    private FirstFrameProbe() {
    }

    /** Watches {@code stage} if the probe is switched on; call right after the stage's first show. */
    public static void attachIfRequested(Stage stage) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || stage.getScene() == null) {
            return;
        }
        Scene scene = stage.getScene();
        int[] pulsesWhileShowing = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!stage.isShowing()) {
                return;
            }
            pulsesWhileShowing[0]++;
            if (pulsesWhileShowing[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            long now = System.currentTimeMillis();
            scene.removePostLayoutPulseListener(listener[0]);
            System.out.println(OUTPUT_PREFIX + now);
            System.out.flush();
            if ("exit".equals(mode)) {
                Platform.runLater(stage::close);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
