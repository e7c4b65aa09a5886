package org.chamberlain.views.rooms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * "Destroy rooms (server admin)" on one MUC service: which rooms, a confirmation step that lists them, the
 * run, and a result per room. The server's ad-hoc command does the work ({@code DestructionService
 * .destroyAsAdmin}); this holds the state. UI thread only; server calls run on the task runner.
 */
public final class AdminDestroyViewModel {

    /** What the dialog needs from the core. Both block on the server. */
    public interface Gateway {
        /** The rooms the service lists (disco#items). */
        List<String> rooms(String service) throws ModerationException;

        /** Destroys through the administrator command; returns the rooms the service reported destroyed. */
        List<String> destroy(String service, List<String> rooms, Optional<String> reason) throws ModerationException;
    }

    /** How a room came out of the run. */
    public enum Outcome { PENDING, DESTROYED, NOT_DESTROYED }

    /** One room of the service with its check box and, after the run, its result. */
    public static final class Choice {
        private final String room;
        private final BooleanProperty selected = new SimpleBooleanProperty();
        private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.PENDING);
        private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

        Choice(String room, boolean selected) {
            this.room = room;
            this.selected.set(selected);
        }

        public String room() {
            return room;
        }

        public BooleanProperty selected() {
            return selected;
        }

        public ReadOnlyObjectProperty<Outcome> outcome() {
            return outcome.getReadOnlyProperty();
        }

        /** "Destroyed", or why not; empty before the run. */
        public ReadOnlyStringProperty result() {
            return result.getReadOnlyProperty();
        }
    }

    private final TaskRunner tasks;
    private final Gateway gateway;
    private final String service;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(
            c -> new javafx.beans.Observable[] {c.selected, c.outcome});
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public AdminDestroyViewModel(TaskRunner tasks, Gateway gateway, String service) {
        this.tasks = tasks;
        this.gateway = gateway;
        this.service = service;
        // Changing the selection after "Destroy…" needs a fresh confirmation of the new list.
        choices.addListener((javafx.collections.ListChangeListener<Choice>) c -> confirming.set(false));
    }

    public String service() {
        return service;
    }

    /**
     * Lists {@code known} rooms at once (e.g. the sidebar's), then adds what the service lists; rooms in
     * {@code preselected} start checked.
     */
    public void load(Collection<String> known, Set<String> preselected) {
        merge(known, preselected);
        busy.set(true);
        status.set("Asking " + service + " for its rooms\u2026");
        tasks.submit("Listing the rooms of " + service, ctx -> gateway.rooms(service), listed -> {
            busy.set(false);
            merge(listed, preselected);
            status.set(choices.isEmpty() ? service + " lists no rooms." : "");
        }, failure -> {
            busy.set(false);
            status.set(UserMessages.sentence(failure));
        });
    }

    private void merge(Collection<String> rooms, Set<String> preselected) {
        Set<String> all = new TreeSet<>();
        choices.forEach(c -> all.add(c.room()));
        all.addAll(rooms);
        List<Choice> merged = all.stream().map(room -> choices.stream().filter(c -> c.room().equals(room))
                .findFirst().orElseGet(() -> new Choice(room, preselected.contains(room)))).toList();
        choices.setAll(merged);
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public List<String> selectedRooms() {
        return choices.stream().filter(c -> c.selected().get()).map(Choice::room).toList();
    }

    public void selectAll(boolean selected) {
        choices.forEach(c -> c.selected().set(selected));
    }

    /** Kept in the audit log; Prosody's command takes no reason, so occupants do not see it. */
    public StringProperty reason() {
        return reason;
    }

    /**
     * The Destroy button: the first press asks for confirmation (the dialog lists the selected rooms), the
     * second runs the command; {@code onDestroyed} then gets the rooms the service destroyed.
     */
    public void destroyPressed(Consumer<List<String>> onDestroyed) {
        List<String> rooms = selectedRooms();
        if (rooms.isEmpty() || busy.get() || finished.get()) {
            return;
        }
        if (!confirming.get()) {
            confirming.set(true);
            status.set(confirmation(rooms));
            return;
        }
        busy.set(true);
        status.set("Destroying " + count(rooms.size()) + "\u2026");
        Optional<String> why = Optional.ofNullable(reason.get()).map(String::strip).filter(r -> !r.isEmpty());
        tasks.submit("Destroying " + count(rooms.size()) + " on " + service,
                ctx -> gateway.destroy(service, rooms, why), destroyed -> {
                    busy.set(false);
                    finished.set(true);
                    confirming.set(false);
                    for (Choice choice : choices) {
                        if (!rooms.contains(choice.room())) {
                            continue;
                        }
                        boolean gone = destroyed.contains(choice.room());
                        choice.outcome.set(gone ? Outcome.DESTROYED : Outcome.NOT_DESTROYED);
                        choice.result.set(gone ? "Destroyed" : "Not destroyed: " + service + " did not report it "
                                + "(it may not exist any more)");
                    }
                    status.set(destroyed.size() == rooms.size() && rooms.size() == 1 ? "Destroyed the room."
                            : "Destroyed " + destroyed.size() + " of " + count(rooms.size()) + ".");
                    onDestroyed.accept(destroyed);
                }, failure -> {
                    busy.set(false);
                    confirming.set(false);
                    String sentence = UserMessages.sentence(failure);
                    for (Choice choice : choices) {
                        if (rooms.contains(choice.room())) {
                            choice.outcome.set(Outcome.NOT_DESTROYED);
                            choice.result.set("Not destroyed");
                        }
                    }
                    status.set(sentence);
                });
    }

    static String confirmation(List<String> rooms) {
        boolean one = rooms.size() == 1;
        return "Destroy " + (one ? "this room" : "these " + rooms.size() + " rooms") + "? "
                + String.join(", ", rooms) + ". Everyone in " + (one ? "it" : "them") + " is removed and "
                + (one ? "its" : "their") + " settings, member lists and history are deleted. This cannot be undone. "
                + "Press Destroy again to go ahead.";
    }

    private static String count(int rooms) {
        return rooms + (rooms == 1 ? " room" : " rooms");
    }

    /** Whether the next Destroy press runs the command (the selected rooms are listed for confirmation). */
    public ReadOnlyBooleanProperty confirming() {
        return confirming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** The run is over; the results stay on screen. */
    public ReadOnlyBooleanProperty finished() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canDestroy() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !finished.get()
                && choices.stream().anyMatch(c -> c.selected().get()), busy, finished, choices);
    }
}
