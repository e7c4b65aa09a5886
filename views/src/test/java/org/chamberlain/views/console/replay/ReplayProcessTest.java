package org.chamberlain.views.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.chamberlain.views.console.replay.ReplayEvent.Diagnostic;
import org.chamberlain.views.console.replay.ReplayEvent.Exited;
import org.chamberlain.views.console.replay.ReplayEvent.Paused;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptFinished;
import org.chamberlain.views.console.replay.ReplayEvent.Stanza;
import org.junit.jupiter.api.Test;

/** The child-process driver against a child JVM speaking the event stream. */
class ReplayProcessTest {

    /** A single "UI thread" so batches arrive one after the other, as on the FX thread. */
    private static final class UiThread implements Executor, AutoCloseable {
        private final java.util.concurrent.ExecutorService thread =
                java.util.concurrent.Executors.newSingleThreadExecutor();

        @Override
        public void execute(Runnable command) {
            thread.execute(command);
        }

        @Override
        public void close() throws InterruptedException {
            thread.shutdown();
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ReplayProcess start(Executor ui, java.util.function.Consumer<List<ReplayEvent>> sink,
            String... args) throws java.io.IOException {
        return ReplayProcess.start(ReplayProcess.commandForThisJvm(FakeReplayer.class.getName(), List.of(args)),
                null, ui, sink);
    }

    /** The first event of {@code type} the child sends within 30 s (the ones before it are passed over), or null. */
    private static ReplayEvent next(BlockingQueue<ReplayEvent> events, Class<? extends ReplayEvent> type)
            throws InterruptedException {
        ReplayEvent event;
        do {
            event = events.poll(30, TimeUnit.SECONDS);
        } while (event != null && !type.isInstance(event));
        return event;
    }

    @Test
    void deliversEveryEventInOrderInFewBatchesAndEndsWithTheExitCode() throws Exception {
        List<ReplayEvent> events = new CopyOnWriteArrayList<>();
        BlockingQueue<Exited> exit = new ArrayBlockingQueue<>(1);
        try (UiThread ui = new UiThread();
                ReplayProcess replay = start(ui, batch -> {
                    events.addAll(batch);
                    batch.stream().filter(Exited.class::isInstance).map(Exited.class::cast).forEach(exit::add);
                }, "10000")) {
            Exited exited = exit.poll(30, TimeUnit.SECONDS);

            assertThat(exited).isNotNull();
            assertThat(exited.exitCode()).isEqualTo(1);
            assertThat(exited.killed()).isFalse();
            assertThat(events.get(events.size() - 1)).isSameAs(exited);
            List<Integer> ids = new ArrayList<>();
            for (ReplayEvent event : events) {
                if (event instanceof Stanza stanza) {
                    ids.add(Integer.parseInt(stanza.xml().replaceAll("\\D", "")));
                }
            }
            assertThat(ids).hasSize(10_000).isSorted();
            assertThat(events).anyMatch(e -> e instanceof Diagnostic d && d.text().equals("a human message"));
            // Batching happened (EventBatcherTest pins the exact rule); how many batches depends on how fast
            // the "UI" thread drains, which on a loaded machine varies from a handful to a few thousand.
            assertThat(replay.batchesDelivered()).isLessThan(10_000);
        }
    }

    @Test
    void commandsReachTheChildAndStopKillsIt() throws Exception {
        BlockingQueue<ReplayEvent> events = new ArrayBlockingQueue<>(100);
        try (UiThread ui = new UiThread();
                ReplayProcess replay = start(ui, events::addAll, "0", "wait")) {
            ReplayEvent event;
            event = next(events, Paused.class);
            assertThat(event).isInstanceOf(Paused.class);
            replay.send("step");
            event = next(events, ScriptFinished.class);
            assertThat(((ScriptFinished) event).message()).isEqualTo("got step");
        }

        BlockingQueue<ReplayEvent> second = new ArrayBlockingQueue<>(100);
        try (UiThread ui = new UiThread();
                ReplayProcess replay = start(ui, second::addAll, "0", "wait")) {
            ReplayEvent event;
            event = next(second, Paused.class);
            replay.stop();
            event = next(second, Exited.class);
            assertThat(((Exited) event).killed()).isTrue();
            assertThat(replay.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(replay.isAlive()).isFalse();
        }
    }

    @Test
    void theChildRunsAtALowerCpuPriorityThanTheApp() throws Exception {
        assertThat(ReplayProcess.lowerPriority("Windows 11", 10)).isEmpty();
        assertThat(ReplayProcess.lowerPriority("Linux", 0)).isEmpty();
        List<String> command = ReplayProcess.commandForThisJvm(FakeReplayer.class.getName(), List.of("0", "wait"));
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            // Not Linux: at least the command asks for the lower priority where a nice command exists.
            assertThat(command.get(0)).endsWith("nice");
            return;
        }
        BlockingQueue<ReplayEvent> events = new ArrayBlockingQueue<>(100);
        try (UiThread ui = new UiThread();
                ReplayProcess replay = start(ui, events::addAll, "0", "wait")) {
            ReplayEvent event;
            event = next(events, Paused.class);
            assertThat(event).isInstanceOf(Paused.class);
            // nice execs the JVM: the pid Java started is the replayer itself, now running at +10.
            assertThat(ProcessHandle.of(replay.pid()).flatMap(h -> h.info().command()).orElse(""))
                    .doesNotEndWith("nice");
            assertThat(niceness(replay.pid()))
                    .isEqualTo(Math.min(19, niceness(ProcessHandle.current().pid()) + ReplayProcess.DEFAULT_NICENESS));
            replay.send("step");
        }
    }

    /** Field 19 of /proc/PID/stat; the fields after the command name (in parentheses) start at field 3. */
    private static int niceness(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
