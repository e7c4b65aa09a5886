package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ConsoleViewModel;
import org.chamberlain.views.console.TrafficEntry;
import org.chamberlain.views.console.replay.ReplayEvent;
import org.chamberlain.views.console.replay.ReplayEvent.Disposition;
import org.chamberlain.views.console.replay.ReplayEvent.Stanza;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark "Console": a traffic tab receiving 10,000 stanzas in batches, as the replay driver delivers
 * them; the time per stanza includes applying the batch and laying out the visible rows. Also scrolling.
 * Prints the figures; fails if appending costs more than 1 ms per stanza amortised.
 */
@ExtendWith(ApplicationExtension.class)
class TrafficTabBenchmarkTest {
    /** The console's working directory (unused: no replay here); deleted by JUnit after the test. */
    @TempDir
    Path workDir;
    private ConsoleView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        ConsoleViewModel model = new ConsoleViewModel(new SameThreadTaskRunner(), (args, dir, sink) -> {
            throw new UnsupportedOperationException("no replay in this benchmark");
        }, workDir);
        view = new ConsoleView(model, List.of());
        scene = new Scene((javafx.scene.Parent) view.node(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void tenThousandStanzasAppendInUnderOneMillisecondEachAndScrollSmoothly() throws Exception {
        int total = 10_000;
        int batchSize = 50;
        List<List<ReplayEvent>> batches = new ArrayList<>();
        for (int start = 0; start < total; start += batchSize) {
            List<ReplayEvent> batch = new ArrayList<>();
            for (int i = start; i < start + batchSize; i++) {
                boolean sent = i % 3 == 0;
                batch.add(new Stanza(i * 0.5, "bench.scs", 10 + i, "Romeo", sent,
                        "<message to='room@conference.localhost' type='groupchat' id='m" + i + "'><body>Message "
                                + i + " with some text in it</body><stanza-id xmlns='urn:xmpp:sid:0' id='s" + i
                                + "' by='room@conference.localhost'/></message>",
                        i * 0.5, sent ? Disposition.NONE : i % 2 == 0 ? Disposition.SATISFIED : Disposition.SKIPPED));
            }
            batches.add(batch);
        }
        long[] appendNanos = new long[1];
        long[] acceptNanos = new long[1];
        try (PulseWatchdog watchdog = new PulseWatchdog().start()) {
            // The first batch creates the tab; show it, so every later append lays out a visible list.
            FxTesting.onFx(() -> view.model().accept(batches.get(0)));
            ListView<TrafficEntry> list = FxTesting.onFx(() -> {
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) scene.lookup("#console-bottom");
                tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
                return view.trafficList("Romeo");
            });
            assertThat(list).isNotNull();
            for (List<ReplayEvent> batch : batches.subList(1, batches.size())) {
                FxTesting.onFx(() -> {
                    long begin = System.nanoTime();
                    view.model().accept(batch);
                    acceptNanos[0] += System.nanoTime() - begin;
                    list.scrollTo(list.getItems().size() - 1);
                    list.applyCss();
                    list.layout();
                    appendNanos[0] += System.nanoTime() - begin;
                });
            }
            int scrolls = 200;
            long scrollNanos = 0;
            long worstScroll = 0;
            for (int s = 0; s < scrolls; s++) {
                int index = (int) ((s * 7919L) % total);
                long took = FxTesting.onFx(() -> {
                    long begin = System.nanoTime();
                    list.scrollTo(index);
                    list.applyCss();
                    list.layout();
                    return System.nanoTime() - begin;
                });
                scrollNanos += took;
                worstScroll = Math.max(worstScroll, took);
            }
            FxTesting.onFx(() -> list.getSelectionModel().select(total - 3));
            double perStanza = appendNanos[0] / 1e6 / (total - batchSize);
            System.out.printf(Locale.ROOT, "Console traffic tab: %d stanzas appended in batches of %d: %.3f ms per "
                    + "stanza amortised (%.0f ms total)%n", total, batchSize, perStanza, appendNanos[0] / 1e6);
            System.out.printf(Locale.ROOT, "Console traffic tab: of which the model's accept: %.3f ms per stanza%n",
                    acceptNanos[0] / 1e6 / (total - batchSize));
            System.out.printf(Locale.ROOT, "Console traffic tab: scroll to a random row + layout: mean %.2f ms, "
                    + "worst %.2f ms over %d jumps%n", scrollNanos / 1e6 / scrolls, worstScroll / 1e6, scrolls);
            System.out.printf(Locale.ROOT, "Console traffic tab: longest FX-thread stall during the test: %.1f ms "
                    + "(%d probes)%n", watchdog.maxStallMillis(), watchdog.probes());
            FxTesting.screenshot(scene, "console-traffic-10000");

            assertThat(FxTesting.onFx(() -> list.getItems().size())).isEqualTo(total);
            assertThat(perStanza).isLessThanOrEqualTo(1.0);
        }
    }
}
