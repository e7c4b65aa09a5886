package org.chamberlain.views.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.NicknameChanged;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.RejoinFailed;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.events.RoomMessage;
import org.chamberlain.app.events.SubjectChanged;
import org.chamberlain.views.errors.UserMessages;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The Chat tab of one room: the messages seen since the tab opened (with the history the room replays on
 * join), the subject, a draft to send, and why sending is not possible right now.
 *
 * <p>UI thread only. Room events arrive through the task runner's UI executor; sending and changing the
 * subject run on the task runner. {@link #close()} drops the event registration.
 */
public final class ChatViewModel implements AutoCloseable {
    /** How many recent messages to ask the room for when joining from the workspace. */
    public static final int HISTORY_ON_JOIN = 50;
    /** Older lines are dropped beyond this many, so a busy room cannot grow memory without bound. */
    static final int MAX_LINES = 5_000;
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String NOT_JOINED = "You are not in this room: join it (Occupants tab) to send messages.";

    private final TaskRunner tasks;
    private final NotificationCenter notifications;
    private final ChatGateway gateway;
    private final String room;
    private final Clock clock;
    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
    private final ObservableList<ChatLine> linesReadOnly = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper joined = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper(NOT_JOINED);
    private final StringProperty draft = new SimpleStringProperty("");
    private final Registration events;

    public ChatViewModel(TaskRunner tasks, NotificationCenter notifications, ChatGateway gateway, String room,
            Clock clock) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.gateway = gateway;
        this.room = room;
        this.clock = clock;
        try {
            this.events = gateway.onRoomEvent(room, this::onEvent, tasks.uiExecutor());
        } catch (ModerationException e) {
            // Room addresses are checked before a workspace opens; reaching this is a programming error.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        joined.addListener((obs, old, now) -> updateBlockedReason());
    }

    private void onEvent(RoomEvent event) {
        if (event instanceof RoomMessage message) {
            add(line(message));
        } else if (event instanceof SubjectChanged changed) {
            subject.set(changed.subject());
            // The subject is the last thing a room sends when we join: a good moment to read the state again.
            refresh();
        } else if (event instanceof OccupantJoined || event instanceof RemovedFromRoom
                || event instanceof RoomDestroyed || event instanceof RejoinFailed
                || event instanceof NicknameChanged) {
            refresh();
        }
    }

    private void add(ChatLine line) {
        lines.add(line);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    private ChatLine line(RoomMessage message) {
        ZonedDateTime when = message.at().atZone(clock.getZone());
        boolean today = when.toLocalDate().equals(LocalDate.now(clock));
        String time = (today ? TODAY : OTHER_DAY).format(when);
        return new ChatLine(message.nickname().orElse(room), time, message.at(), message.body(), message.own(),
                message.history(), message.nickname().isEmpty());
    }

    /** Re-reads whether we are in the room and its subject (memory only, no server round trip). */
    public void refresh() {
        tasks.submit("Reading the chat state of " + room, ctx -> new State(gateway.isJoined(room),
                gateway.subject(room).orElse(null)), state -> {
                    joined.set(state.joined());
                    if (state.subject() != null) {
                        subject.set(state.subject());
                    }
                }, failure -> blockedReason.set(UserMessages.sentence(failure)));
    }

    /**
     * Sends the draft. The draft is kept while the room has not accepted it, and cleared once it has; a refusal
     * becomes an error notification in plain words, with the draft still there to retry.
     */
    public void send() {
        String body = draft.get() == null ? "" : draft.get().strip();
        if (body.isEmpty() || !canSend()) {
            return;
        }
        sending.set(true);
        tasks.submit("Sending a message to " + room, ctx -> {
            gateway.sendMessage(room, body);
            return body;
        }, sent -> {
            sending.set(false);
            if (draft.get() != null && draft.get().strip().equals(sent)) {
                draft.set("");
            }
        }, failure -> {
            sending.set(false);
            notifications.error("Message not sent", failure);
            refresh();
        });
    }

    /** Whether {@link #send()} would send now (joined, not busy, something typed). */
    public boolean canSend() {
        return joined.get() && !sending.get() && draft.get() != null && !draft.get().isBlank();
    }

    /** Sets the room's subject; the room's refusal is shown as an error notification. */
    public void changeSubject(String text) {
        String newSubject = text == null ? "" : text.strip();
        tasks.submit("Changing the subject of " + room, ctx -> {
            gateway.changeSubject(room, newSubject);
            return newSubject;
        }, done -> {
            subject.set(done);
            notifications.success(room, "Subject changed.");
        }, failure -> notifications.error("Subject not changed", failure));
    }

    private void updateBlockedReason() {
        // Only lasting reasons: a message on its way takes milliseconds, and a flashing line would jolt the layout.
        blockedReason.set(joined.get() ? "" : NOT_JOINED);
    }

    public ObservableList<ChatLine> lines() {
        return linesReadOnly;
    }

    public ReadOnlyStringProperty subject() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty joined() {
        return joined.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sending() {
        return sending.getReadOnlyProperty();
    }

    /** Why the input is disabled, in words; empty when it is enabled. */
    public ReadOnlyStringProperty blockedReason() {
        return blockedReason.getReadOnlyProperty();
    }

    /** The text being written; bound to the input field. */
    public StringProperty draft() {
        return draft;
    }

    public String room() {
        return room;
    }

    @Override
    public void close() {
        events.close();
    }

    private record State(boolean joined, String subject) {
    }
}
