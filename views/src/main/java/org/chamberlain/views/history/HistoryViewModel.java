package org.chamberlain.views.history;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.audit.AuditEntry;
import org.chamberlain.app.audit.AuditHistory;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The History tab of one room: this room's entries of the audit log, newest first. The log is read on the
 * task runner (it is a file). UI thread only.
 */
public final class HistoryViewModel {
    private final TaskRunner tasks;
    private final HistorySource source;
    private final String room;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    /** One wrapper, kept: listeners on a fresh wrapper per call would be collected with it. */
    private final ObservableList<AuditEntry> entriesReadOnly = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public HistoryViewModel(TaskRunner tasks, HistorySource source, String room) {
        this.tasks = tasks;
        this.source = source;
        this.room = room;
    }

    public void load() {
        status.set("Reading the audit log…");
        tasks.submit("Reading the history of " + room, ctx -> source.entriesFor(room), this::show,
                failure -> status.set("Could not read the audit log: " + UserMessages.sentence(failure)));
    }

    void show(AuditHistory history) {
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(history.entries());
        java.util.Collections.reverse(newestFirst);
        entries.setAll(newestFirst);
        String problems = history.problems().isEmpty() ? ""
                : " " + history.problems().size() + " unreadable lines were skipped.";
        status.set(newestFirst.isEmpty() ? "Nothing was done in this room with Chamberlain yet." + problems
                : newestFirst.size() + " actions recorded." + problems);
    }

    public ObservableList<AuditEntry> entries() {
        return entriesReadOnly;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Where the entries come from ({@code AuditLog::entriesFor} fits); blocks on the file. */
    @FunctionalInterface
    public interface HistorySource {
        AuditHistory entriesFor(String room) throws Exception;
    }
}
