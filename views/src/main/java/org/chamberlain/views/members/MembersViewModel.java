package org.chamberlain.views.members;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.affiliations.AffiliatedJid;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChange;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationCsv;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.affiliations.ChangeProblem;
import org.chamberlain.app.affiliations.CsvImport;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.TaskRunner;
import org.chamberlain.views.tasks.UiPace;

/**
 * The Members tab of one room: owners, admins, members and banned in one editable table. Edits go into an
 * {@link AffiliationChangeSet} from the core (which validates: bad JIDs, last owner, self-demotion); the
 * rows show each JID's affiliation now and after Apply. UI thread only; server calls run on the task runner.
 */
public final class MembersViewModel {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private final TaskRunner tasks;
    private final NotificationCenter notifications;
    private final MembersGateway gateway;
    private final String room;
    private final String self;

    private final ObjectProperty<AffiliationChangeSet> changes;
    private final ObservableList<MemberRow> rows = FXCollections.observableArrayList();
    /** Every row, sorted, as of the last change of the change set; the filter picks from these. */
    private List<MemberRow> allRows = List.of();
    /** Lower-case "jid nick" of each row of {@link #allRows}, same order: built once per refresh, not per key. */
    private String[] searchKeys = new String[0];
    /** Indexes into {@link #allRows} of the rows shown now, and the filter that chose them. */
    private int[] shownIndexes = new int[0];
    private String shownNeedle;
    private Affiliation shownList;
    /** One wrapper, kept: listeners on a fresh wrapper per call would be collected with it. */
    private final ObservableList<MemberRow> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    /** Which list to show; {@code null} for all four. */
    private final ObjectProperty<Affiliation> listFilter = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<ChangeProblem>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanProperty selfDemotionConfirmed = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<ItemResult> lastResults = FXCollections.observableArrayList();
    /** One wrapper, kept: listeners on a fresh wrapper per call would be collected with it. */
    private final ObservableList<ItemResult> lastResultsReadOnly =
            FXCollections.unmodifiableObservableList(lastResults);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    /** Results of the last Apply by JID, as they arrived; cleared by the next edit. UI thread. */
    private final Map<String, ItemResult> resultsByJid = new java.util.HashMap<>();
    /**
     * One observable per JID a table cell asked about, so a result re-draws only its own row (a shared
     * "results changed" signal re-laid out every visible cell for every chunk). UI thread.
     */
    private final Map<String, ReadOnlyObjectWrapper<ItemResult>> resultWatches = new java.util.HashMap<>();
    /** True from Apply until its last result is shown (busy also covers loading). UI thread. */
    private boolean applying;
    private int applyTotal;
    private int appliedSoFar;
    /** Rows built on Apply's background thread for the change set about to be set; null otherwise. */
    private Rows prepared;
    /** Pastes of at least this many addresses are checked on the task runner (see addInBackground). */
    static final int BACKGROUND_PASTE = 200;
    /** The most results one drain moves to the UI thread (one list change each). */
    static final int RESULTS_PER_DRAIN = 200;
    /** Results reach the UI thread at most this often (10 times a second) while Apply runs. */
    static final long DRAIN_INTERVAL_NANOS = 100_000_000L;
    /** How Apply keeps pace with the UI thread; tests that crank the UI thread by hand turn it off. */
    private Function<Executor, UiPace> paceFactory = UiPace::forUi;
    private volatile UiPace lastPace = UiPace.off();

    public MembersViewModel(TaskRunner tasks, NotificationCenter notifications, MembersGateway gateway, String room,
            String self) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.gateway = gateway;
        this.room = room;
        this.self = self;
        this.changes = new SimpleObjectProperty<>(AffiliationChangeSet.against(AffiliationLists.empty(room)));
        changes.addListener((obs, old, now) -> refresh());
        // A keystroke in the filter only re-filters the rows already built (no validation, no preview).
        filter.addListener((obs, old, now) -> applyFilter());
        listFilter.addListener((obs, old, now) -> applyFilter());
        selfDemotionConfirmed.addListener((obs, old, now) -> refresh());
    }

    public String room() {
        return room;
    }

    // ---- loading and applying ----

    /** Tests: how Apply paces itself against the UI thread ({@code UiPace::forUi} by default). UI thread. */
    void pacing(Function<Executor, UiPace> factory) {
        this.paceFactory = factory;
    }

    /** How long the last Apply waited for the UI thread to catch up ("3 waits, 41 ms"); any thread. */
    public String lastApplyPacing() {
        return lastPace.waited();
    }

    /** Fetches the four lists; pending changes are dropped. */
    public void load() {
        busy.set(true);
        status.set("Loading the lists…");
        tasks.submit("Loading the member lists of " + room, ctx -> gateway.fetch(room), lists -> {
            busy.set(false);
            showLists(lists);
            status.set("");
        }, failure -> {
            busy.set(false);
            status.set(UserMessages.sentence(failure));
            notifications.error("Members", failure);
        });
    }

    /** Shows fetched lists as the new baseline (also after Apply). */
    public void showLists(AffiliationLists lists) {
        loaded.set(true);
        selfDemotionConfirmed.set(false);
        changes.set(AffiliationChangeSet.against(lists));
        refresh();
    }

    /**
     * Sends the pending changes one by one. Each change's result lands in {@link #lastResults()} (and in its
     * row, see {@link #resultText}) as the server answers it, a chunk at a time, with "312 / 1000 applied" in
     * {@link #status()}; the rows after Apply are built on the background thread and installed in one go.
     */
    public void apply() {
        AffiliationChangeSet pending = changes.get();
        if (pending.isEmpty() || busy.get() || !problems.get().isEmpty()) {
            return;
        }
        boolean confirmed = selfDemotionConfirmed.get();
        int count = pending.changes().size();
        lastResults.clear();
        clearResults();
        applying = true;
        applyTotal = count;
        appliedSoFar = 0;
        // After `applying`: the rows' cells re-read their text when busy changes.
        busy.set(true);
        status.set(progressText());
        ResultStream stream = new ResultStream();
        UiPace pace = paceFactory.apply(tasks.uiExecutor());
        lastPace = pace;
        tasks.submit("Applying " + count + " member changes to " + room, ctx -> {
            ctx.progress(0, count, "sending");
            ApplyReport report = gateway.apply(room, pending, confirmed, item -> {
                ctx.progress(stream.offer(item), count, "sending");
                try {
                    // The next request waits while the UI thread is behind (see UiPace): on two cores the
                    // request/answer ping-pong otherwise kept the UI thread waiting for a core.
                    pace.keepPace();
                } catch (InterruptedException e) {
                    // Cancelled: the next request sees the flag and Apply stops as for any interruption.
                    Thread.currentThread().interrupt();
                }
            });
            return new Finished(report, report.after().map(after -> rowsAfter(report, after, confirmed)));
        }, finished -> stream.thenRun(() -> {
            applying = false;
            busy.set(false);
            finishApply(finished);
        }), failure -> stream.thenRun(() -> {
            applying = false;
            busy.set(false);
            status.set(UserMessages.sentence(failure));
            notifications.error("Members", failure);
        }));
    }

    /** What the background part of Apply hands to the UI thread: the report and the rows built from it. */
    private record Finished(ApplyReport report, Optional<Rows> rows) {
    }

    /**
     * Results on their way from the background thread to the UI thread. The background thread queues each
     * result and posts a drain only when none is pending; a drain moves at most {@link #RESULTS_PER_DRAIN}
     * results with one list change, and posts the next drain for the rest, so the UI thread gets pulses in
     * between (1,000 results at once stalled it for up to 250 ms on a loaded machine).
     */
    private final class ResultStream {
        private final java.util.concurrent.ConcurrentLinkedQueue<ItemResult> queue =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean drainPosted =
                new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.atomic.AtomicInteger offered =
                new java.util.concurrent.atomic.AtomicInteger();
        /** When the last drain was posted; the background thread only. */
        private long lastPostNanos = System.nanoTime() - DRAIN_INTERVAL_NANOS;
        /** What runs after the last chunk; UI thread only. */
        private Runnable afterLast;

        /**
         * Background thread: queues a result; returns how many were queued so far. Posts a drain at most every
         * {@link #DRAIN_INTERVAL_NANOS}: each drain re-lays out the table and the results list, and a drain per
         * answer (a server answers ~1,000 a second) took the UI thread ~1 s of CPU per 1,000 changes. A result
         * that arrives within the interval waits for the next answer or for the end of Apply ({@link #thenRun}).
         */
        int offer(ItemResult item) {
            queue.add(item);
            int total = offered.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastPostNanos >= DRAIN_INTERVAL_NANOS && drainPosted.compareAndSet(false, true)) {
                lastPostNanos = now;
                tasks.uiExecutor().execute(this::drainChunk);
            }
            return total;
        }

        /** UI thread. */
        void drainChunk() {
            drainPosted.set(false);
            List<ItemResult> chunk = new ArrayList<>();
            ItemResult next;
            while (chunk.size() < RESULTS_PER_DRAIN && (next = queue.poll()) != null) {
                chunk.add(next);
            }
            showResults(chunk);
            if (!queue.isEmpty()) {
                if (drainPosted.compareAndSet(false, true)) {
                    tasks.uiExecutor().execute(this::drainChunk);
                }
            } else if (afterLast != null) {
                Runnable then = afterLast;
                afterLast = null;
                then.run();
            }
        }

        /**
         * UI thread, once the background work has ended (nothing is queued after that): runs {@code then} after
         * the last chunk is shown, never dumping what is left in one go.
         */
        void thenRun(Runnable then) {
            if (queue.isEmpty()) {
                then.run();
                return;
            }
            afterLast = then;
            if (drainPosted.compareAndSet(false, true)) {
                tasks.uiExecutor().execute(this::drainChunk);
            }
        }
    }

    /** UI thread: one list change for a chunk of results, and the progress line. */
    private void showResults(List<ItemResult> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        for (ItemResult item : chunk) {
            putResult(item);
            if (item.outcome() == ItemResult.Outcome.APPLIED) {
                appliedSoFar++;
            }
        }
        lastResults.addAll(chunk);
        if (busy.get()) {
            status.set(progressText());
        }
    }

    private String progressText() {
        int answered = lastResults.size();
        return appliedSoFar + " / " + applyTotal + " applied"
                + (answered > appliedSoFar ? ", " + (answered - appliedSoFar) + " not" : "") + "\u2026";
    }

    /** Background thread: the change set after Apply (what failed stays pending) and its rows. */
    private Rows rowsAfter(ApplyReport report, AffiliationLists after, boolean confirmed) {
        List<AffiliationChangeSet.Edit> retry = new ArrayList<>();
        for (ItemResult item : report.items()) {
            if (item.outcome() != ItemResult.Outcome.APPLIED) {
                AffiliationChange c = item.change();
                retry.add(edit(c.jid(), c.to(), c.reason().orElse(null)));
            }
        }
        return Rows.of(AffiliationChangeSet.against(after).replaceAll(retry), self, confirmed);
    }

    private void finishApply(Finished finished) {
        ApplyReport report = finished.report();
        // The re-fetch after sending may turn an APPLIED into IGNORED: then the final list replaces the streamed
        // one (one list change); usually they are the same and nothing moves.
        if (!sameOutcomes(lastResults, report.items())) {
            lastResults.setAll(report.items());
            for (ItemResult item : report.items()) {
                putResult(item);
            }
        }
        long applied = report.with(ItemResult.Outcome.APPLIED).size();
        status.set(report.isComplete() ? "Applied all " + report.items().size() + " changes."
                : "Applied " + applied + " of " + report.items().size() + " changes; see the results below.");
        if (report.isComplete()) {
            notifications.success("Members", "Applied " + report.items().size() + " changes to " + room + ".");
        } else {
            notifications.post(org.chamberlain.views.notifications.Notification.Kind.WARNING,
                    "Members", "Only " + applied + " of " + report.items().size()
                            + " changes took effect in " + room + ".", report.summary());
        }
        report.auditFailure().ifPresent(problem -> notifications.post(
                org.chamberlain.views.notifications.Notification.Kind.WARNING, "Audit log", problem.getMessage(),
                null));
        if (finished.rows().isPresent()) {
            loaded.set(true);
            prepared = finished.rows().get();
            changes.set(prepared.set());
            prepared = null;
        } else {
            load();
        }
    }

    private static boolean sameOutcomes(List<ItemResult> streamed, List<ItemResult> reported) {
        if (streamed.size() != reported.size()) {
            return false;
        }
        for (int i = 0; i < streamed.size(); i++) {
            if (streamed.get(i).outcome() != reported.get(i).outcome()
                    || !streamed.get(i).change().equals(reported.get(i).change())) {
                return false;
            }
        }
        return true;
    }

    // ---- editing ----

    /**
     * Adds every JID in {@code text} (separated by spaces, commas, semicolons or lines) to {@code list}.
     * Text that is not a bare JID is still added, as a row with its problem, so nothing pasted disappears.
     * A paste of {@value #BACKGROUND_PASTE} or more is checked on the task runner: its rows appear when that is
     * done ({@link #busy()} until then).
     *
     * @return how many entries were added or changed
     */
    public int addAll(String text, Affiliation list, String reason) {
        if (list == Affiliation.NONE) {
            throw new IllegalArgumentException("Choose one of the four lists");
        }
        List<AffiliationChangeSet.Edit> edits = new ArrayList<>();
        for (String token : SEPARATORS.split(text.strip())) {
            if (!token.isEmpty()) {
                edits.add(edit(token, list, reason));
            }
        }
        if (edits.size() < BACKGROUND_PASTE) {
            // One new change set and one refresh for the whole paste (see AffiliationChangeSet.replaceAll).
            userEdit(changes.get().replaceAll(edits));
            return edits.size();
        }
        addInBackground(edits);
        return edits.size();
    }

    /**
     * A large paste: the new change set, its validation and its sorted rows are built on the task runner; the
     * UI thread only installs them (building them for 1,000 JIDs took 50-75 ms of the UI thread's CPU on a
     * first paste, in one frame). Busy meanwhile, so nothing else edits or applies the set being extended; if
     * the set changed anyway, the edits are made again on top of the current one.
     */
    private void addInBackground(List<AffiliationChangeSet.Edit> edits) {
        AffiliationChangeSet base = changes.get();
        boolean confirmed = selfDemotionConfirmed.get();
        busy.set(true);
        status.set("Checking " + edits.size() + " addresses\u2026");
        tasks.submit("Checking " + edits.size() + " addresses for " + room,
                ctx -> Rows.of(base.replaceAll(edits), self, confirmed), built -> {
                    busy.set(false);
                    status.set("");
                    if (changes.get() == base && selfDemotionConfirmed.get() == confirmed) {
                        prepared = built;
                        userEdit(built.set());
                        prepared = null;
                    } else {
                        userEdit(changes.get().replaceAll(edits));
                    }
                }, failure -> {
                    busy.set(false);
                    status.set(UserMessages.sentence(failure));
                    notifications.error("Members", failure);
                });
    }

    public void remove(String jid, String reason) {
        userEdit(changes.get().replaceAll(List.of(edit(jid, Affiliation.NONE, reason))));
    }

    public void move(String jid, Affiliation to, String reason) {
        userEdit(changes.get().replaceAll(List.of(edit(jid, to, reason))));
    }

    /** Drops the pending change of one JID. */
    public void withdraw(String jid) {
        userEdit(changes.get().withdraw(jid));
    }

    /** Drops every pending change. */
    public void revert() {
        userEdit(AffiliationChangeSet.against(changes.get().base()));
        selfDemotionConfirmed.set(false);
        status.set("");
    }

    /** A change by the person: the results of the last Apply no longer describe the rows. */
    private void userEdit(AffiliationChangeSet next) {
        clearResults();
        changes.set(next);
    }

    private void putResult(ItemResult item) {
        String jid = item.change().jid();
        resultsByJid.put(jid, item);
        ReadOnlyObjectWrapper<ItemResult> watch = resultWatches.get(jid);
        if (watch != null) {
            watch.set(item);
        }
    }

    /** Forgets the last Apply's results; the rows are rebuilt right after, so cells re-watch their JIDs. */
    private void clearResults() {
        resultsByJid.clear();
        resultWatches.values().forEach(w -> w.set(null));
        resultWatches.clear();
    }

    /** One pending change per JID: a new edit replaces the previous one; back to the server state cancels. */
    private static AffiliationChangeSet.Edit edit(String jid, Affiliation to, String reason) {
        return new AffiliationChangeSet.Edit(jid, to, reason == null || reason.isBlank() ? null : reason.strip());
    }

    // ---- CSV ----

    /** Reads a CSV file as pending changes on top of the current lists: a preview, nothing is sent. */
    public void importCsv(Path file) throws IOException {
        CsvImport imported = AffiliationCsv.read(file);
        importCsv(imported);
    }

    public void importCsv(CsvImport imported) {
        List<AffiliationChangeSet.Edit> edits = new ArrayList<>();
        for (CsvImport.Row row : imported.rows()) {
            edits.add(edit(row.jid(), row.affiliation(), row.reason().orElse(null)));
        }
        userEdit(changes.get().replaceAll(edits));
        if (imported.hasProblems()) {
            notifications.post(org.chamberlain.views.notifications.Notification.Kind.WARNING, "CSV import",
                    imported.problems().size() + " lines of " + imported.source() + " were skipped.",
                    String.join("\n", imported.problems()));
        }
        status.set("Imported " + imported.rows().size() + " rows from " + imported.source()
                + " as pending changes; review them, then Apply.");
    }

    /** Writes the lists as they are on the server (pending changes are not exported). */
    public void exportCsv(Path file) throws IOException {
        AffiliationCsv.export(changes.get().base(), file);
        status.set("Exported " + changes.get().base().all().size() + " entries to " + file.getFileName() + ".");
    }

    // ---- derived state ----

    private void refresh() {
        Rows ready = prepared;
        install(ready != null && ready.set() == changes.get() && ready.confirmed() == selfDemotionConfirmed.get()
                ? ready : Rows.of(changes.get(), self, selfDemotionConfirmed.get()));
    }

    /** UI thread: shows rows built by {@link Rows#of}: one change of the row list. */
    private void install(Rows built) {
        problems.set(built.problems());
        allRows = built.all();
        searchKeys = built.searchKeys();
        shownNeedle = null;
        applyFilter();
        counts.set(built.counts());
    }

    /**
     * Everything the table shows for one change set, computed without touching the view model, so Apply can
     * build it on its background thread and the UI thread only installs it.
     */
    private record Rows(AffiliationChangeSet set, boolean confirmed, List<ChangeProblem> problems,
            List<MemberRow> all, String[] searchKeys, String counts) {

        static Rows of(AffiliationChangeSet set, String self, boolean confirmed) {
            List<ChangeProblem> found = set.validate(self, confirmed);
            Map<String, String> problemByJid = new LinkedHashMap<>();
            for (ChangeProblem problem : found) {
                if (!problem.jid().isEmpty()) {
                    problemByJid.merge(problem.jid(), problem.message(), (a, b) -> a + " " + b);
                }
            }
            Map<String, AffiliationChange> pendingByJid = new LinkedHashMap<>();
            for (AffiliationChange change : set.changes()) {
                pendingByJid.put(change.jid(), change);
            }
            List<MemberRow> all = new ArrayList<>();
            for (AffiliatedJid entry : set.base().all()) {
                AffiliationChange change = pendingByJid.remove(entry.jid());
                all.add(new MemberRow(entry.jid(), entry.affiliation(),
                        change == null ? entry.affiliation() : change.to(), entry.nick(),
                        change == null ? entry.reason() : change.reason(),
                        Optional.ofNullable(problemByJid.get(entry.jid()))));
            }
            for (AffiliationChange change : pendingByJid.values()) {
                all.add(new MemberRow(change.jid(), change.from(), change.to(), Optional.empty(), change.reason(),
                        Optional.ofNullable(problemByJid.get(change.jid()))));
            }
            all.sort(java.util.Comparator.comparing(MemberRow::shownList).thenComparing(MemberRow::jid));
            String[] keys = new String[all.size()];
            for (int i = 0; i < keys.length; i++) {
                MemberRow row = all.get(i);
                keys[i] = (row.jid() + "\u0000" + row.nick().orElse("")).toLowerCase(Locale.ROOT);
            }
            Map<Affiliation, Integer> sizes = new java.util.EnumMap<>(Affiliation.class);
            for (MemberRow row : all) {
                if (row.pending() != Affiliation.NONE) {
                    sizes.merge(row.pending(), 1, Integer::sum);
                }
            }
            String counts = Affiliation.LISTS.stream().map(a -> countOf(sizes.getOrDefault(a, 0), a))
                    .reduce((a, b) -> a + " · " + b).orElse("");
            return new Rows(set, confirmed, found, all, keys, counts);
        }
    }

    /**
     * Shows the rows matching the filter. Typing narrows the filter, so when the new text contains the old one
     * only the rows shown now are searched (a keystroke on 10,000 rows must fit a frame, see
     * docs/benchmarks.md "Desktop UI (issue 5)").
     */
    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        Affiliation only = listFilter.get();
        boolean narrowing = shownNeedle != null && only == shownList && needle.contains(shownNeedle);
        int[] candidates = narrowing ? shownIndexes : null;
        int candidateCount = candidates == null ? allRows.size() : candidates.length;
        int[] matched = new int[candidateCount];
        int count = 0;
        for (int c = 0; c < candidateCount; c++) {
            int i = candidates == null ? c : candidates[c];
            if ((only == null || allRows.get(i).shownList() == only)
                    && (needle.isEmpty() || searchKeys[i].contains(needle))) {
                matched[count++] = i;
            }
        }
        // The same rows as shown now (a letter every row has, say): the table is left alone. Re-setting 10,000
        // equal rows cost the first keystroke most of a frame (docs/benchmarks.md, "session 5").
        boolean unchanged = shownNeedle != null && count == shownIndexes.length
                && java.util.Arrays.equals(matched, 0, count, shownIndexes, 0, count);
        shownIndexes = java.util.Arrays.copyOf(matched, count);
        shownNeedle = needle;
        shownList = only;
        if (unchanged) {
            return;
        }
        List<MemberRow> shown = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            shown.add(allRows.get(shownIndexes[k]));
        }
        rows.setAll(shown);
    }

    public ObservableList<MemberRow> rows() {
        return rowsReadOnly;
    }

    public StringProperty filter() {
        return filter;
    }

    public ObjectProperty<Affiliation> listFilter() {
        return listFilter;
    }

    /** Problems that block Apply (shown next to rows, and the set-wide ones above the table). */
    public ReadOnlyObjectProperty<List<ChangeProblem>> problems() {
        return problems.getReadOnlyProperty();
    }

    /** Problems that concern the whole set (the last-owner guard). */
    public List<ChangeProblem> setProblems() {
        return problems.get().stream().filter(p -> p.jid().isEmpty()).toList();
    }

    /**
     * Why Apply is off because of rows (shown beside the set's own problems), or empty: rows with a problem are
     * red, but a long list may hide them below the fold.
     */
    public Optional<String> rowProblemsSummary() {
        long rows = problems.get().stream().filter(p -> !p.jid().isEmpty() && !p.needsConfirmationOnly())
                .map(ChangeProblem::jid).distinct().count();
        if (rows == 0) {
            return Optional.empty();
        }
        return Optional.of((rows == 1 ? "1 row has a problem" : rows + " rows have a problem")
                + " (in red): correct the address, or right-click \u2192 Undo the pending change, before Apply.");
    }

    public boolean needsSelfDemotionConfirmation() {
        return problems.get().stream().anyMatch(ChangeProblem::needsConfirmationOnly);
    }

    public BooleanProperty selfDemotionConfirmed() {
        return selfDemotionConfirmed;
    }

    public ReadOnlyObjectProperty<AffiliationChangeSet> changes() {
        return changes;
    }

    /** One line per pending change, for the preview. */
    public List<String> preview() {
        return changes.get().applyOrder(self).stream().map(AffiliationChange::describe).toList();
    }

    public ObservableList<ItemResult> lastResults() {
        return lastResultsReadOnly;
    }

    /**
     * What became of this row's change in the current or last Apply: "applied", "refused: …", "sending…"
     * (while Apply runs and the server has not answered yet), or empty. UI thread.
     */
    public String resultText(MemberRow row) {
        ItemResult result = resultsByJid.get(row.jid());
        if (result == null) {
            return applying && row.status() != MemberRow.Status.UNCHANGED ? "sending\u2026" : "";
        }
        switch (result.outcome()) {
            case APPLIED:
                return "\u2713 applied";
            case IGNORED:
                return "\u2717 ignored by the server";
            case NOT_ATTEMPTED:
                return "not sent";
            case REFUSED:
            default:
                return "\u2717 refused" + result.error().map(e -> ": " + UserMessages.sentence(e)).orElse("");
        }
    }

    /**
     * The result of {@code jid}'s change in the current or last Apply (null before it arrives), for a table
     * cell to watch together with {@link #busy()}: {@link #resultText} answers differently when either changes.
     */
    public ReadOnlyObjectProperty<ItemResult> resultOf(String jid) {
        return resultWatches.computeIfAbsent(jid, j -> new ReadOnlyObjectWrapper<>(resultsByJid.get(j)))
                .getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loaded() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** "1 owner", "2 owners", "1 banned": the personName is the singular of the list's name. */
    static String countOf(int size, Affiliation list) {
        return size + " " + (size == 1 ? list.personName() : list.listName());
    }

    /** "2 owners · 0 admins · 14 members · 1 banned" after the pending changes. */
    public ReadOnlyStringProperty counts() {
        return counts.getReadOnlyProperty();
    }

    public BooleanBinding canApply() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !changes.get().isEmpty()
                && problems.get().isEmpty(), busy, changes, problems);
    }

    public BooleanBinding hasPending() {
        return Bindings.createBooleanBinding(() -> !changes.get().isEmpty(), changes);
    }
}
