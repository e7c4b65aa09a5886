package org.chamberlain.views.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.chamberlain.app.forms.FieldChange;
import org.chamberlain.app.forms.FieldDefinition;
import org.chamberlain.app.forms.FieldProblem;
import org.chamberlain.app.forms.FieldType;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.FormValidationException;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The Configuration tab of one room: the server's form, the person's answers, what changed, what is
 * invalid, and the Apply / Reset commands. The form model of {@code app.forms} does the work; this class
 * holds the state as properties and runs the server calls on the task runner. UI thread only.
 */
public final class ConfigurationViewModel {
    /** The settings most people look for, shown on top in this order (XEP-0045 §10.2 names). */
    public static final List<String> COMMON_FIELDS = List.of(
            "muc#roomconfig_roomname", "muc#roomconfig_roomdesc", "muc#roomconfig_publicroom",
            "muc#roomconfig_persistentroom", "muc#roomconfig_membersonly", "muc#roomconfig_moderatedroom",
            "muc#roomconfig_passwordprotectedroom", "muc#roomconfig_roomsecret");
    private static final Set<String> COMMON = Set.copyOf(COMMON_FIELDS);

    private final TaskRunner tasks;
    private final NotificationCenter notifications;
    private final ConfigurationGateway gateway;
    private final String room;

    private final ReadOnlyObjectWrapper<FormDefinition> form = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FormAnswers> answers = new SimpleObjectProperty<>(FormAnswers.empty());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<FieldChange>> changes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<FieldProblem>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanProperty advanced = new SimpleBooleanProperty();
    /** True while the room was just created "configure now" and stays locked until the first Apply. */
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private CreationCancel creationCancel;
    private Runnable onCreationCancelled = () -> { };
    /** Bumped when the editors must be rebuilt from the answers (load, reset), not on every keystroke. */
    private final ReadOnlyObjectWrapper<Long> generation = new ReadOnlyObjectWrapper<>(0L);

    public ConfigurationViewModel(TaskRunner tasks, NotificationCenter notifications, ConfigurationGateway gateway,
            String room) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.gateway = gateway;
        this.room = room;
        answers.addListener((obs, old, now) -> recompute());
    }

    public String room() {
        return room;
    }

    /** Gives up a room that is still locked; {@code ReservedRoomCreation::cancel} fits. Blocks on the server. */
    public interface CreationCancel {
        void cancel() throws org.chamberlain.app.errors.ModerationException;
    }

    /** Fetches the form from the server (owners only); errors go to the status line and a notification. */
    public void load() {
        if (locked.get() && form.get() != null) {
            // The form of a room being created came with its creation; nothing newer exists on the server.
            return;
        }
        load("");
    }

    /**
     * Shows the form of a room just created with "configure now". The room stays locked (nobody else can
     * enter, XEP-0045 §10.1.3) until {@link #apply()} succeeds, even with no change; {@link #cancelCreation()}
     * runs {@code cancel} (which destroys the room) and then {@code onCancelled}.
     */
    public void beginCreation(FormDefinition definition, CreationCancel cancel, Runnable onCancelled) {
        // Prosody unlocks on any submitted form (even one without changes), and also by itself once
        // muc_room_lock_timeout (300 s) has passed; "locked" here is what we asked for, not a guarantee.
        creationCancel = cancel;
        onCreationCancelled = onCancelled;
        locked.set(true);
        show(definition);
        status.set(LOCKED_STATUS);
    }

    static final String LOCKED_STATUS = "Locked until you press Create room.";

    /** Cancels the creation of a still-locked room (the room is destroyed). */
    public void cancelCreation() {
        if (!locked.get() || busy.get() || creationCancel == null) {
            return;
        }
        CreationCancel cancel = creationCancel;
        busy.set(true);
        status.set("Cancelling the creation of " + room + "…");
        tasks.submit("Cancelling the creation of " + room, ctx -> {
            cancel.cancel();
            return room;
        }, done -> {
            busy.set(false);
            locked.set(false);
            creationCancel = null;
            status.set("Creation cancelled: " + room + " no longer exists.");
            notifications.info("Room not created", "Cancelled: " + room + " was destroyed before anyone "
                    + "could enter it.");
            onCreationCancelled.run();
        }, failure -> {
            busy.set(false);
            status.set(UserMessages.sentence(failure));
            notifications.error("Cancelling " + room, failure);
        });
    }

    /** Whether the room is new and still locked, waiting for its first configuration. */
    public ReadOnlyBooleanProperty locked() {
        return locked.getReadOnlyProperty();
    }

    private void load(String statusAfterwards) {
        busy.set(true);
        status.set("Loading the configuration…");
        tasks.submit("Loading the configuration of " + room, ctx -> gateway.fetch(room), loaded -> {
            busy.set(false);
            show(loaded);
            status.set(statusAfterwards);
        }, failure -> {
            busy.set(false);
            status.set(UserMessages.sentence(failure));
            notifications.error("Configuration", failure);
        });
    }

    /** Shows a form (from {@link #load()}, or given directly when the room was just created). */
    public void show(FormDefinition definition) {
        form.set(definition);
        answers.set(definition.initialAnswers());
        // Answers equal to the previous ones fire no change event, but the baseline (the form) did change.
        recompute();
        generation.set(generation.get() + 1);
    }

    // ---- editing ----

    public void setText(String var, String text) {
        answers.set(answers.get().withText(var, text));
    }

    public void setLines(String var, String text) {
        answers.set(answers.get().withLines(var, text));
    }

    public void setBoolean(String var, boolean value) {
        answers.set(answers.get().withBoolean(var, value));
    }

    public void setValues(String var, List<String> values) {
        answers.set(answers.get().with(var, values));
    }

    /** Back to what the server sent. */
    public void reset() {
        FormDefinition definition = form.get();
        if (definition != null) {
            answers.set(definition.initialAnswers());
            generation.set(generation.get() + 1);
            status.set("");
        }
    }

    /** Sends the changes; on success the submitted values become the new baseline. */
    public void apply() {
        FormDefinition definition = form.get();
        if (definition == null || busy.get()) {
            return;
        }
        FormAnswers submitted = answers.get();
        try {
            definition.submission(submitted);
        } catch (FormValidationException e) {
            status.set(e.getMessage());
            return;
        }
        int count = changes.get().size();
        boolean opening = locked.get();
        busy.set(true);
        status.set("Applying " + count + (count == 1 ? " change…" : " changes…"));
        tasks.submit("Applying the configuration of " + room,
                ctx -> gateway.submit(room, definition, submitted), accepted -> {
                    busy.set(false);
                    if (opening) {
                        locked.set(false);
                        creationCancel = null;
                        notifications.success("Room open", room + " is configured and open to others now.");
                    } else {
                        notifications.success("Configuration", "Saved the configuration of " + room + ".");
                    }
                    accepted.auditFailure().ifPresent(problem -> notifications.post(
                            org.chamberlain.views.notifications.Notification.Kind.WARNING, "Audit log",
                            problem.getMessage(), null));
                    // The server may normalise values: read back what it now holds.
                    load("Saved " + count + (count == 1 ? " change." : " changes."));
                }, failure -> {
                    busy.set(false);
                    status.set(UserMessages.sentence(failure));
                    notifications.error("Configuration", failure);
                });
    }

    private void recompute() {
        FormDefinition definition = form.get();
        if (definition == null) {
            changes.set(List.of());
            problems.set(List.of());
            return;
        }
        changes.set(definition.changes(answers.get()));
        problems.set(definition.validate(answers.get()));
    }

    // ---- state for the view ----

    public ReadOnlyObjectProperty<FormDefinition> form() {
        return form.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FormAnswers> answers() {
        return answers;
    }

    public ReadOnlyObjectProperty<Long> generation() {
        return generation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<FieldChange>> changes() {
        return changes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<FieldProblem>> problems() {
        return problems.getReadOnlyProperty();
    }

    /** Shows raw field names (and hidden fields) for people who know XEP-0045 by heart. */
    public BooleanProperty advanced() {
        return advanced;
    }

    public BooleanBinding canApply() {
        return Bindings.createBooleanBinding(() -> form.get() != null && !busy.get()
                && (locked.get() || !changes.get().isEmpty()) && problems.get().isEmpty(), form, busy, changes,
                problems, locked);
    }

    public BooleanBinding canReset() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !changes.get().isEmpty(), busy, changes);
    }

    /** The common settings the server offers, in {@link #COMMON_FIELDS} order. */
    public List<FieldDefinition> commonFields() {
        FormDefinition definition = form.get();
        if (definition == null) {
            return List.of();
        }
        List<FieldDefinition> result = new ArrayList<>();
        for (String var : COMMON_FIELDS) {
            definition.field(var).ifPresent(result::add);
        }
        return result;
    }

    /** Every other field in server order; hidden fields only in advanced mode. */
    public List<FieldDefinition> otherFields() {
        FormDefinition definition = form.get();
        if (definition == null) {
            return List.of();
        }
        return definition.fields().stream()
                .filter(f -> f.var().map(v -> !COMMON.contains(v)).orElse(true))
                .filter(f -> f.type() != FieldType.HIDDEN || advanced.get())
                .toList();
    }

    public boolean isChanged(FieldDefinition field) {
        return form.get() != null && form.get().isChanged(field, answers.get());
    }

    /** The problems of one field with the current answers, for the message under it. */
    public List<FieldProblem> problemsOf(FieldDefinition field) {
        if (form.get() == null || field.var().isEmpty()) {
            return List.of();
        }
        return form.get().validate(field, answers.get().values(field.name()));
    }

    /** "Room Name: 'a' → 'b'" lines for the preview. */
    public List<String> preview() {
        return changes.get().stream().map(FieldChange::describe).toList();
    }

    Map<String, List<String>> answerMap() {
        return answers.get().asMap();
    }
}
