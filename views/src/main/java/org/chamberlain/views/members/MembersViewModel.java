package org.chamberlain.views.members;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** Sends the pending changes one by one; the per-item results land in {@link #lastResults()}. */
    public void apply() {
        AffiliationChangeSet pending = changes.get();
        if (pending.isEmpty() || busy.get() || !problems.get().isEmpty()) {
            return;
        }
        boolean confirmed = selfDemotionConfirmed.get();
        int count = pending.changes().size();
        busy.set(true);
        lastResults.clear();
        status.set("Applying " + count + (count == 1 ? " change…" : " changes…"));
        tasks.submit("Applying " + count + " member changes to " + room, ctx -> {
            ctx.progress(0, count, "sending");
            return gateway.apply(room, pending, confirmed);
        }, report -> {
            busy.set(false);
            finishApply(report);
        }, failure -> {
            busy.set(false);
            status.set(UserMessages.sentence(failure));
            notifications.error("Members", failure);
        });
    }

    private void finishApply(ApplyReport report) {
        lastResults.setAll(report.items());
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
        if (report.after().isPresent()) {
            // Keep what failed pending, so the person can retry or withdraw it.
            AffiliationChangeSet next = AffiliationChangeSet.against(report.after().get());
            for (ItemResult item : report.items()) {
                if (item.outcome() != ItemResult.Outcome.APPLIED) {
                    AffiliationChange c = item.change();
                    next = edit(next, c.jid(), c.to(), c.reason().orElse(null));
                }
            }
            loaded.set(true);
            changes.set(next);
        } else {
            load();
        }
    }

    // ---- editing ----

    /**
     * Adds every JID in {@code text} (separated by spaces, commas, semicolons or lines) to {@code list}.
     * Text that is not a bare JID is still added, as a row with its problem, so nothing pasted disappears.
     *
     * @return how many entries were added or changed
     */
    public int addAll(String text, Affiliation list, String reason) {
        if (list == Affiliation.NONE) {
            throw new IllegalArgumentException("Choose one of the four lists");
        }
        AffiliationChangeSet next = changes.get();
        int added = 0;
        for (String token : SEPARATORS.split(text.strip())) {
            if (token.isEmpty()) {
                continue;
            }
            next = edit(next, token, list, reason);
            added++;
        }
        changes.set(next);
        return added;
    }

    public void remove(String jid, String reason) {
        changes.set(edit(changes.get(), jid, Affiliation.NONE, reason));
    }

    public void move(String jid, Affiliation to, String reason) {
        changes.set(edit(changes.get(), jid, to, reason));
    }

    /** Drops the pending change of one JID. */
    public void withdraw(String jid) {
        changes.set(changes.get().withdraw(jid));
    }

    /** Drops every pending change. */
    public void revert() {
        changes.set(AffiliationChangeSet.against(changes.get().base()));
        selfDemotionConfirmed.set(false);
        status.set("");
    }

    /** One pending change per JID: a new edit replaces the previous one; back to the server state cancels. */
    private static AffiliationChangeSet edit(AffiliationChangeSet set, String jid, Affiliation to, String reason) {
        String key = org.chamberlain.app.affiliations.BareJids.normalise(jid).orElse(jid);
        AffiliationChangeSet without = set.withdraw(key);
        if (set.base().affiliationOf(key) == to) {
            return without;
        }
        return without.set(key, to, reason == null || reason.isBlank() ? null : reason.strip());
    }

    // ---- CSV ----

    /** Reads a CSV file as pending changes on top of the current lists: a preview, nothing is sent. */
    public void importCsv(Path file) throws IOException {
        CsvImport imported = AffiliationCsv.read(file);
        importCsv(imported);
    }

    public void importCsv(CsvImport imported) {
        AffiliationChangeSet next = changes.get();
        for (CsvImport.Row row : imported.rows()) {
            next = edit(next, row.jid(), row.affiliation(), row.reason().orElse(null));
        }
        changes.set(next);
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
        AffiliationChangeSet set = changes.get();
        List<ChangeProblem> found = set.validate(self, selfDemotionConfirmed.get());
        problems.set(found);
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
            all.add(new MemberRow(entry.jid(), entry.affiliation(), change == null ? entry.affiliation() : change.to(),
                    entry.nick(), change == null ? entry.reason() : change.reason(),
                    Optional.ofNullable(problemByJid.get(entry.jid()))));
        }
        for (AffiliationChange change : pendingByJid.values()) {
            all.add(new MemberRow(change.jid(), change.from(), change.to(), Optional.empty(), change.reason(),
                    Optional.ofNullable(problemByJid.get(change.jid()))));
        }
        all.sort(java.util.Comparator.comparing(MemberRow::shownList).thenComparing(MemberRow::jid));
        allRows = all;
        searchKeys = new String[all.size()];
        for (int i = 0; i < searchKeys.length; i++) {
            MemberRow row = all.get(i);
            searchKeys[i] = (row.jid() + "\u0000" + row.nick().orElse("")).toLowerCase(Locale.ROOT);
        }
        shownNeedle = null;
        applyFilter();
        Map<Affiliation, Integer> sizes = new java.util.EnumMap<>(Affiliation.class);
        for (MemberRow row : all) {
            if (row.pending() != Affiliation.NONE) {
                sizes.merge(row.pending(), 1, Integer::sum);
            }
        }
        counts.set(Affiliation.LISTS.stream().map(a -> sizes.getOrDefault(a, 0) + " " + a.listName())
                .reduce((a, b) -> a + " · " + b).orElse(""));
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
        shownIndexes = java.util.Arrays.copyOf(matched, count);
        shownNeedle = needle;
        shownList = only;
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

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loaded() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
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
