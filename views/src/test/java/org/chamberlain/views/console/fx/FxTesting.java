package org.chamberlain.views.console.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Helpers for TestFX tests: run on the FX thread, wait for a condition, save a screenshot. */
public final class FxTesting {
    private FxTesting() {
    }

    public static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    public static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until it holds or {@code seconds} pass. */
    public static boolean waitFor(double seconds, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (onFx(condition::getAsBoolean)) {
                return true;
            }
            Thread.sleep(50);
        }
        return onFx(condition::getAsBoolean);
    }

    /** Writes a PNG of the scene to {@code views/target/screenshots/NAME.png}. */
    public static Path screenshot(Scene scene, String name) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot write the screenshot " + file, e);
        }
        return file;
    }
}
