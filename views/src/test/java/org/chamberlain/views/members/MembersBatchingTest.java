package org.chamberlain.views.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChange;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.BackgroundTasks;
import org.chamberlain.views.tasks.TaskRunner;
import org.chamberlain.views.tasks.UiPace;
import org.junit.jupiter.api.Test;

/**
 * The members editor's batched paths without a toolkit: a paste of 1,000 JIDs is one change set and one
 * change of the row list, and Apply's per-item results reach the rows in chunks while it runs. A hand-cranked
 * task runner stands in for the UI thread: what the view model posts to it waits until the test runs it.
 */
class MembersBatchingTest {
    private static final String ROOM = "big@conference.example.org";
    private static final String SELF = "owner@example.org";

    private final NotificationCenter notifications = new NotificationCenter(Clock.systemUTC());
    private final CrankedTasks tasks = new CrankedTasks();

    @Test
    void pastingAThousandJidsIsOneChangeOfTheRowList() {
        MembersViewModel model = new MembersViewModel(tasks, notifications, gateway((c, sent) -> { }), ROOM, SELF);
        model.showLists(lists());
        int[] rowListChanges = {0};
        model.rows().addListener((ListChangeListener<MemberRow>) change -> rowListChanges[0]++);
        List<AffiliationChangeSet> sets = new ArrayList<>();
        model.changes().addListener((obs, old, now) -> sets.add(now));

        int added = model.addAll(jids(1_000) + " person0007@example.org alice@example.org", Affiliation.MEMBER, "r");
        // Checked and sorted on the task runner: until its result reaches the UI thread the rows stay as they are.
        assertThat(model.busy().get()).isTrue();
        assertThat(model.status().get()).isEqualTo("Checking 1002 addresses\u2026");
        assertThat(sets).isEmpty();
        assertThat(rowListChanges[0]).isZero();
        tasks.runAllUiTasks();

        assertThat(model.busy().get()).isFalse();
        assertThat(model.status().get()).isEmpty();
        assertThat(added).isEqualTo(1_002);
        assertThat(sets).hasSize(1);
        assertThat(rowListChanges[0]).isEqualTo(1);
        // person0007 twice: one pending change; alice is a member already: no change.
        assertThat(model.changes().get().changes()).hasSize(1_000);
        assertThat(model.changes().get().changes()).extracting(AffiliationChange::jid).last()
                .isEqualTo("person0007@example.org");
        assertThat(model.rows()).filteredOn(r -> r.status() == MemberRow.Status.ADDED).hasSize(1_000);
        assertThat(model.problems().get()).isEmpty();
    }

    @Test
    void aLargePasteLandsOnTopOfWhatChangedWhileItWasChecked() {
        MembersViewModel model = new MembersViewModel(tasks, notifications, gateway((c, sent) -> { }), ROOM, SELF);
        model.showLists(lists());
        model.addAll(jids(300), Affiliation.MEMBER, null);
        model.remove("alice@example.org", null);
        tasks.runAllUiTasks();

        assertThat(model.changes().get().changes()).hasSize(301);
        assertThat(model.rows()).filteredOn(r -> r.status() == MemberRow.Status.ADDED).hasSize(300);
        assertThat(model.rows()).filteredOn(r -> r.status() == MemberRow.Status.REMOVED)
                .extracting(MemberRow::jid).containsExactly("alice@example.org");
        assertThat(model.busy().get()).isFalse();
    }

    @Test
    void batchEditsEqualEditsOneByOne() {
        AffiliationChangeSet base = AffiliationChangeSet.against(lists()).add("x@example.org", Affiliation.ADMIN, null)
                .add("y@example.org", Affiliation.MEMBER, null);
        List<AffiliationChangeSet.Edit> edits = List.of(
                new AffiliationChangeSet.Edit("X@example.org", Affiliation.MEMBER, "again"),
                new AffiliationChangeSet.Edit("alice@example.org", Affiliation.NONE, "gone"),
                new AffiliationChangeSet.Edit("y@example.org", Affiliation.NONE, null),
                new AffiliationChangeSet.Edit("z@example.org", Affiliation.OUTCAST, null),
                new AffiliationChangeSet.Edit("alice@example.org", Affiliation.MEMBER, null));

        AffiliationChangeSet oneByOne = base;
        for (AffiliationChangeSet.Edit edit : edits) {
            oneByOne = oneByOne.withdraw(edit.jid());
            if (oneByOne.base().affiliationOf(edit.jid().toLowerCase(java.util.Locale.ROOT)) != edit.to()) {
                oneByOne = oneByOne.set(edit.jid(), edit.to(), edit.reason());
            }
        }

        assertThat(base.replaceAll(edits).changes()).isEqualTo(oneByOne.changes())
                .extracting(AffiliationChange::jid).containsExactly("x@example.org", "z@example.org");
    }

    @Test
    void applyShowsResultsInChunksWhileItRuns() {
        List<String> seenMidway = new ArrayList<>();
        MembersViewModel[] holder = new MembersViewModel[1];
        MembersGateway gateway = gateway((change, sent) -> {
            if (sent == 500) {
                // The UI thread gets a turn in the middle of Apply: it moves one chunk per turn.
                tasks.runOneUiTask();
                seenMidway.add(holder[0].lastResults().size() + " " + holder[0].status().get());
                tasks.runOneUiTask();
                seenMidway.add(holder[0].lastResults().size() + " " + holder[0].status().get());
                seenMidway.add(holder[0].resultText(row(holder[0], "person0000@example.org")));
                seenMidway.add(holder[0].resultText(row(holder[0], "person0999@example.org")));
            }
        });
        MembersViewModel model = new MembersViewModel(tasks, notifications, gateway, ROOM, SELF);
        // The UI thread is cranked by hand here: Apply must not wait for it (pacing has its own test below).
        model.pacing(ui -> UiPace.off());
        holder[0] = model;
        model.showLists(lists());
        model.addAll(jids(1_000), Affiliation.MEMBER, null);
        tasks.runAllUiTasks();
        List<Integer> resultListChanges = new ArrayList<>();
        model.lastResults().addListener((ListChangeListener<ItemResult>) change -> {
            while (change.next()) {
                resultListChanges.add(change.getAddedSize());
            }
        });

        model.apply();
        tasks.runAllUiTasks();

        int chunk = MembersViewModel.RESULTS_PER_DRAIN;
        assertThat(seenMidway).containsExactly(chunk + " " + chunk + " / 1000 applied\u2026",
                2 * chunk + " " + 2 * chunk + " / 1000 applied\u2026", "\u2713 applied", "sending\u2026");
        assertThat(resultListChanges).allMatch(added -> added <= chunk).hasSizeGreaterThan(2);
        assertThat(model.lastResults()).hasSize(1_000);
        assertThat(model.status().get()).isEqualTo("Applied all 1000 changes.");
        // The rows after Apply come from the re-fetched lists: nothing pending, each row says what happened.
        assertThat(model.changes().get().isEmpty()).isTrue();
        assertThat(model.rows()).hasSize(1_003);
        assertThat(model.resultText(row(model, "person0999@example.org"))).isEqualTo("\u2713 applied");

        model.addAll("new@example.org", Affiliation.ADMIN, null);
        assertThat(model.resultText(row(model, "person0999@example.org"))).isEmpty();
        // Busy again, but loading, not applying: a pending row is not "sending…".
        model.load();
        assertThat(model.busy().get()).isTrue();
        assertThat(model.resultText(row(model, "new@example.org"))).isEmpty();
    }

    @Test
    void applyWaitsForASlowUiThreadAndStillAppliesEveryChangeInOrder() throws Exception {
        List<String> sentOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        MembersGateway gateway = gateway((change, sent) -> {
            sentOrder.add(change.jid());
            try {
                Thread.sleep(1); // a server's round trip
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (ThreadedTasks threaded = new ThreadedTasks()) {
            MembersViewModel model = threaded.onUi(() -> {
                MembersViewModel m = new MembersViewModel(threaded, notifications, gateway, ROOM, SELF);
                m.showLists(lists());
                m.addAll(jids(150), Affiliation.MEMBER, null);
                return m;
            });
            // A UI thread that takes 30 ms for everything it is handed: its beats are late, Apply waits for it.
            threaded.uiDelayMillis = 30;
            threaded.onUi(() -> {
                model.apply();
                return null;
            });
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (threaded.onUi(() -> model.busy().get()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            List<ItemResult> results = threaded.onUi(() -> List.copyOf(model.lastResults()));
            assertThat(results).hasSize(150).allMatch(r -> r.outcome() == ItemResult.Outcome.APPLIED);
            assertThat(results).extracting(r -> r.change().jid()).containsExactlyElementsOf(sentOrder);
            assertThat(threaded.onUi(() -> model.status().get())).isEqualTo("Applied all 150 changes.");
            assertThat(model.lastApplyPacing()).doesNotStartWith("0 waits");
        }
    }

    /** Background work on a worker thread, UI work on a single "UI thread" that can be made slow. */
    private static final class ThreadedTasks implements TaskRunner, AutoCloseable {
        private final java.util.concurrent.ExecutorService uiThread =
                java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.ExecutorService worker =
                java.util.concurrent.Executors.newSingleThreadExecutor();
        private final BackgroundTasks background = new BackgroundTasks();
        private volatile long uiDelayMillis;

        <T> T onUi(java.util.concurrent.Callable<T> call) throws Exception {
            return uiThread.submit(call).get(60, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public <T> Cancellable submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            worker.execute(() -> {
                try {
                    T result = work.run(new TaskContext() {
                        @Override
                        public void progress(long done, long total, String message) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
                    uiExecutor().execute(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    uiExecutor().execute(() -> onFailure.accept(e));
                }
            });
            return () -> { };
        }

        @Override
        public Executor uiExecutor() {
            return task -> uiThread.execute(() -> {
                try {
                    Thread.sleep(uiDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
        }

        @Override
        public BackgroundTasks tasks() {
            return background;
        }

        @Override
        public void close() {
            worker.shutdownNow();
            uiThread.shutdownNow();
        }
    }

    private static MemberRow row(MembersViewModel model, String jid) {
        return model.rows().stream().filter(r -> r.jid().equals(jid)).findFirst().orElseThrow();
    }

    private static String jids(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(String.format("person%04d@example.org%n", i));
        }
        return text.toString();
    }

    private static AffiliationLists lists() {
        return AffiliationLists.of(ROOM, Map.of(Affiliation.OWNER, List.of(SELF),
                Affiliation.MEMBER, List.of("alice@example.org", "bob@example.org")));
    }

    private interface EachSent {
        void sent(AffiliationChange change, int count);
    }

    /** A server that accepts every change; {@code hook} runs after each one. */
    private static MembersGateway gateway(EachSent hook) {
        return new MembersGateway() {
            private AffiliationLists current = lists();

            @Override
            public AffiliationLists fetch(String room) {
                return current;
            }

            @Override
            public ApplyReport apply(String room, AffiliationChangeSet changes, boolean confirmed) {
                throw new AssertionError("the view model streams");
            }

            @Override
            public ApplyReport apply(String room, AffiliationChangeSet changes, boolean confirmed,
                    Consumer<ItemResult> onEachSent) throws ModerationException {
                List<ItemResult> items = new ArrayList<>();
                for (AffiliationChange change : changes.applyOrder(SELF)) {
                    ItemResult item = new ItemResult(change, ItemResult.Outcome.APPLIED, Optional.empty());
                    items.add(item);
                    onEachSent.accept(item);
                    hook.sent(change, items.size());
                }
                current = changes.preview();
                return new ApplyReport(room, items, Optional.of(current), Optional.empty(), Optional.empty());
            }
        };
    }

    /** Runs work at once on the calling thread; UI-thread work waits in a queue until the test runs it. */
    private static final class CrankedTasks implements TaskRunner {
        private final Queue<Runnable> ui = new ArrayDeque<>();
        private final BackgroundTasks background = new BackgroundTasks();

        void runOneUiTask() {
            Runnable next = ui.poll();
            if (next != null) {
                next.run();
            }
        }

        void runAllUiTasks() {
            while (!ui.isEmpty()) {
                runOneUiTask();
            }
        }

        @Override
        public <T> Cancellable submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            T result;
            try {
                result = work.run(new TaskContext() {
                    @Override
                    public void progress(long done, long total, String message) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
            } catch (Exception e) {
                ui.add(() -> onFailure.accept(e));
                return () -> { };
            }
            ui.add(() -> onSuccess.accept(result));
            return () -> { };
        }

        @Override
        public Executor uiExecutor() {
            return ui::add;
        }

        @Override
        public BackgroundTasks tasks() {
            return background;
        }

        @Override
        public void close() {
        }
    }
}
