package org.chamberlain.views.xmlconsole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.chamberlain.app.connections.TrafficRecord;
import org.chamberlain.app.events.Registration;
import org.chamberlain.views.console.replay.EventBatcher;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * One account's XML console: live traffic (redacted on arrival, so secrets never reach the screen or a saved
 * file), filters, pause, clear, save, and sending raw XML with a history. All methods on the FX thread;
 * traffic arrives from Smack's threads through a batcher, at most one UI update pending at a time.
 */
public final class XmlConsoleViewModel implements AutoCloseable {
    /** Older entries are dropped beyond this, so a console left open for days stays small. */
    static final int MAX_ENTRIES = 50_000;

    private final TaskRunner tasks;
    private final TrafficSource source;
    private final ObservableList<ConsoleEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<ConsoleEntry> visible = new FilteredList<>(entries, e -> true);
    private final List<ConsoleEntry> heldWhilePaused = new ArrayList<>();
    private final ObjectProperty<Set<ConsoleEntry.Kind>> kinds =
            new SimpleObjectProperty<>(this, "kinds", EnumSet.allOf(ConsoleEntry.Kind.class));
    private final BooleanProperty showIncoming = new SimpleBooleanProperty(this, "incoming", true);
    private final BooleanProperty showOutgoing = new SimpleBooleanProperty(this, "outgoing", true);
    private final StringProperty jidFilter = new SimpleStringProperty(this, "jid", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final Registration registration;

    public XmlConsoleViewModel(TaskRunner tasks, TrafficSource source) {
        this.tasks = tasks;
        this.source = source;
        EventBatcher<ConsoleEntry> batcher = new EventBatcher<>(tasks.uiExecutor(), this::arrived, 5000);
        // Runs on Smack's thread: redact and extract (cheap, no I/O), hand off, return.
        this.registration = source.onTraffic(
                record -> batcher.offer(ConsoleEntry.of(record.epochMillis(), record.outgoing(), record.xml())),
                Runnable::run);
        kinds.addListener((obs, old, now) -> refilter());
        showIncoming.addListener((obs, old, now) -> refilter());
        showOutgoing.addListener((obs, old, now) -> refilter());
        jidFilter.addListener((obs, old, now) -> refilter());
        search.addListener((obs, old, now) -> refilter());
        paused.addListener((obs, old, now) -> {
            if (!now) {
                append(heldWhilePaused);
                heldWhilePaused.clear();
            }
        });
    }

    /** Only for tests: an entry as if it had arrived. */
    void arrivedForTest(TrafficRecord record) {
        arrived(List.of(ConsoleEntry.of(record.epochMillis(), record.outgoing(), record.xml())));
    }

    private void arrived(List<ConsoleEntry> batch) {
        if (paused.get()) {
            heldWhilePaused.addAll(batch);
        } else {
            append(batch);
        }
    }

    private void append(List<ConsoleEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        entries.addAll(batch);
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(0, entries.size() - MAX_ENTRIES);
        }
    }

    private void refilter() {
        visible.setPredicate(filter());
    }

    public ConsoleFilter filter() {
        return new ConsoleFilter(kinds.get(), showIncoming.get(), showOutgoing.get(), jidFilter.get(), search.get());
    }

    public String accountJid() {
        return source.accountJid();
    }

    public String domain() {
        return source.domain();
    }

    /** What the list shows, filtered. */
    public ObservableList<ConsoleEntry> visible() {
        return visible;
    }

    public ObservableList<ConsoleEntry> all() {
        return entries;
    }

    public ObjectProperty<Set<ConsoleEntry.Kind>> kindsProperty() {
        return kinds;
    }

    public BooleanProperty showIncomingProperty() {
        return showIncoming;
    }

    public BooleanProperty showOutgoingProperty() {
        return showOutgoing;
    }

    public StringProperty jidFilterProperty() {
        return jidFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> history() {
        return history;
    }

    public void clear() {
        entries.clear();
        heldWhilePaused.clear();
    }

    /** Saves what the filter shows (already redacted), one element per line. */
    public void save(Path file) {
        String text = visible.stream().map(ConsoleEntry::toSavedText).collect(Collectors.joining("\n", "", "\n"));
        tasks.submit("Saving the XML console", context -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, saved -> status.set("Saved " + visible.size() + " elements to " + saved),
                error -> status.set("Cannot save: " + error.getMessage()));
    }

    /** Checks the draft and sends it if it is one well-formed element. */
    public void send() {
        String xml = draft.get().strip();
        String problem = XmlCheck.problem(xml);
        if (problem != null) {
            status.set(problem);
            return;
        }
        status.set("Sending…");
        tasks.submit("Sending raw XML as " + source.accountJid(), context -> {
            source.sendRaw(xml);
            return xml;
        }, sent -> {
            history.remove(sent);
            history.add(0, sent);
            // The draft may hold a password: it goes once sent (history shows it redacted).
            if (draft.get().strip().equals(sent)) {
                draft.set("");
            }
            status.set("Sent.");
        }, error -> status.set("Not sent: " + error.getMessage()));
    }

    @Override
    public void close() {
        registration.close();
    }
}
