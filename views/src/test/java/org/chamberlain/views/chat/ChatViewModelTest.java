package org.chamberlain.views.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.events.RoomMessage;
import org.chamberlain.app.events.SubjectChanged;
import org.chamberlain.views.notifications.Notification;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Chat tab's state without a toolkit or a server: lines from room events, the draft's life cycle, refusals
 * in words, and why the input is disabled. Sending through a real room is covered by ChatWorkflowTest.
 */
class ChatViewModelTest {
    private static final String ROOM = "lounge@conference.example.org";
    private static final String ACCOUNT = "owner@example.org";
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00Z");

    private final NotificationCenter notifications = new NotificationCenter(Clock.systemUTC());
    private final FakeRoom gateway = new FakeRoom();
    private ChatViewModel model;

    @BeforeEach
    void setUp() {
        model = new ChatViewModel(new SameThreadTaskRunner(), notifications, gateway, ROOM,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void messagesBecomeLinesWithTimeSenderAndStyle() {
        gateway.emit(new RoomMessage(ACCOUNT, ROOM, Optional.of("Alice"), "from yesterday",
                Instant.parse("2026-11-20T09:15:00Z"), false, true));
        gateway.emit(new RoomMessage(ACCOUNT, ROOM, Optional.of("Owner"), "mine", NOW, true, false));
        gateway.emit(new RoomMessage(ACCOUNT, ROOM, Optional.empty(), "The room speaks", NOW, false, false));

        assertThat(model.lines()).containsExactly(
                new ChatLine("Alice", "2026-11-20 09:15", Instant.parse("2026-11-20T09:15:00Z"), "from yesterday",
                        false, true, false),
                new ChatLine("Owner", "10:30", NOW, "mine", true, false, false),
                new ChatLine(ROOM, "10:30", NOW, "The room speaks", false, false, true));
    }

    @Test
    void otherRoomsAndOldLinesAreNotKept() {
        gateway.emit(new RoomMessage(ACCOUNT, "elsewhere@conference.example.org", Optional.of("Bob"), "not here",
                NOW, false, false));
        assertThat(model.lines()).isEmpty();

        for (int i = 0; i < ChatViewModel.MAX_LINES + 10; i++) {
            gateway.emit(new RoomMessage(ACCOUNT, ROOM, Optional.of("Bob"), "line " + i, NOW, false, false));
        }
        assertThat(model.lines()).hasSize(ChatViewModel.MAX_LINES);
        assertThat(model.lines().get(0).body()).isEqualTo("line 10");
    }

    @Test
    void inputIsDisabledWithAReasonUntilJoined() {
        model.draft().set("hello");
        assertThat(model.canSend()).isFalse();
        assertThat(model.blockedReason().get()).contains("not in this room");
        model.send();
        assertThat(gateway.sent).isEmpty();

        gateway.joined = true;
        model.refresh();
        assertThat(model.joined().get()).isTrue();
        assertThat(model.blockedReason().get()).isEmpty();
        assertThat(model.canSend()).isTrue();
    }

    @Test
    void sendingClearsTheDraftOnlyOnceTheRoomAccepted() {
        gateway.joined = true;
        model.refresh();
        model.draft().set("  hello all  \n");
        model.send();
        assertThat(gateway.sent).containsExactly("hello all");
        assertThat(model.draft().get()).isEmpty();
        assertThat(model.sending().get()).isFalse();

        model.draft().set("   ");
        assertThat(model.canSend()).isFalse();
        model.send();
        assertThat(gateway.sent).containsExactly("hello all");
    }

    @Test
    void aRefusedMessageStaysInTheDraftAndIsExplained() {
        gateway.joined = true;
        model.refresh();
        gateway.refusal = new ModerationException(Condition.FORBIDDEN,
                "You are not allowed to send a message to " + ROOM + ".");
        model.draft().set("may I speak?");
        model.send();

        assertThat(model.draft().get()).isEqualTo("may I speak?");
        assertThat(notifications.history()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notification.Kind.ERROR);
            assertThat(n.message()).isEqualTo("You are not allowed to send a message to " + ROOM + ".");
        });
    }

    @Test
    void subjectFollowsTheRoomAndChangesAreReported() {
        gateway.subject = Optional.of("Old topic");
        gateway.joined = true;
        model.refresh();
        assertThat(model.subject().get()).isEqualTo("Old topic");
        gateway.emit(new SubjectChanged(ACCOUNT, ROOM, "Announced", Optional.of("Alice")));
        assertThat(model.subject().get()).isEqualTo("Announced");

        model.changeSubject("  New topic ");
        assertThat(gateway.subjects).containsExactly("New topic");
        assertThat(model.subject().get()).isEqualTo("New topic");
        assertThat(notifications.history()).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(Notification.Kind.SUCCESS));

        gateway.refusal = new ModerationException(Condition.FORBIDDEN,
                "You are not allowed to change the subject of " + ROOM + ".");
        model.changeSubject("Not mine to change");
        assertThat(model.subject().get()).isEqualTo("New topic");
        assertThat(notifications.history().get(1).kind()).isEqualTo(Notification.Kind.ERROR);
        assertThat(notifications.history().get(1).message()).contains("change the subject of " + ROOM);
    }

    @Test
    void closingStopsDeliveries() {
        model.close();
        gateway.emit(new RoomMessage(ACCOUNT, ROOM, Optional.of("Bob"), "after close", NOW, false, false));
        assertThat(model.lines()).isEmpty();
    }

    /** A room in memory: records what was sent, refuses when told to, delivers events at once. */
    private static final class FakeRoom implements ChatGateway {
        private final List<Consumer<? super RoomEvent>> listeners = new ArrayList<>();
        private final List<String> sent = new ArrayList<>();
        private final List<String> subjects = new ArrayList<>();
        private boolean joined;
        private Optional<String> subject = Optional.empty();
        private ModerationException refusal;

        void emit(RoomEvent event) {
            // Like the core's tracker, which remembers the subject before it publishes the event.
            if (event instanceof SubjectChanged changed) {
                subject = Optional.of(changed.subject());
            }
            List.copyOf(listeners).forEach(l -> l.accept(event));
        }

        @Override
        public Registration onRoomEvent(String room, Consumer<? super RoomEvent> listener, Executor executor) {
            Consumer<RoomEvent> filtered = event -> {
                if (event.room().equals(room)) {
                    executor.execute(() -> listener.accept(event));
                }
            };
            listeners.add(filtered);
            return () -> listeners.remove(filtered);
        }

        @Override
        public boolean isJoined(String room) {
            return joined;
        }

        @Override
        public Optional<String> subject(String room) {
            return subject;
        }

        @Override
        public void sendMessage(String room, String body) throws ModerationException {
            if (refusal != null) {
                throw refusal;
            }
            sent.add(body);
        }

        @Override
        public void changeSubject(String room, String newSubject) throws ModerationException {
            if (refusal != null) {
                throw refusal;
            }
            subjects.add(newSubject);
        }
    }
}
