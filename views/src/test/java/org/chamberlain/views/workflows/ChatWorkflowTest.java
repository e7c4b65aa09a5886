package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.chamberlain.app.events.RoomMessage;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.chat.ChatLine;
import org.chamberlain.views.chat.ChatViewModel;
import org.chamberlain.views.notifications.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chat tab through the real window against a real Prosody: Alice (the app) joins a room Bob (driven
 * through app/) owns, sees his earlier message as history and his subject, sends with Enter, and gets Bob's
 * answer; changing the subject as a mere participant is refused in words.
 */
@WithProsody
class ChatWorkflowTest {

    @Test
    void messagesGoBothWaysAndHistoryAndSubjectAreShown(TestServer server, @TempDir Path config) throws Exception {
        String room = "release-planning@" + server.mucService();
        try (AppHarness.Person bob = AppHarness.person(server, "bob")) {
            bob.session().rooms().createInstant(room, "Bob");
            bob.session().rooms().changeSubject(room, "Release 2.4 planning: notes, dates, owners");
            bob.session().rooms().sendMessage(room, "Morning! The agenda is in the pinned document.");
            try (AppHarness app = AppHarness.start(server, config, "alice")) {
                app.onFx(() -> app.app().mainModel().openRoomByAddress(room));
                app.waitFor("the workspace", () -> app.app().workspace(room) != null);
                ChatViewModel chat = app.app().workspace(room).chat();
                app.onFx(() -> app.app().workspace(room).select(3));
                app.waitFor("the reason the input is disabled", () -> !chat.joined().get()
                        && ((TextArea) app.scene().lookup("#chat-input")).isDisabled()
                        && ((Label) app.scene().lookup("#chat-blocked-reason")).getText().contains("not in this room"));

                app.onFx(() -> app.app().workspace(room).select(0));
                app.joinThroughOccupantsTab();
                app.waitFor("joined", () -> app.app().workspace(room).occupants().joined().get());
                app.onFx(() -> app.app().workspace(room).select(3));
                app.waitFor("bob's earlier message as history", () -> chat.lines().stream().anyMatch(
                        l -> l.sender().equals("Bob") && l.history() && l.body().startsWith("Morning!")));
                app.waitFor("the subject", () -> ((Label) app.scene().lookup("#chat-subject")).getText()
                        .equals("Release 2.4 planning: notes, dates, owners"));
                app.waitFor("the input enabled", () -> chat.joined().get()
                        && !((TextArea) app.scene().lookup("#chat-input")).isDisabled());

                TextArea input = (TextArea) app.scene().lookup("#chat-input");
                app.onFx(() -> {
                    input.setText("Hi Bob, I will take the release notes.");
                    input.positionCaret(input.getLength());
                    input.fireEvent(key(true));
                });
                assertThat(input.getText()).isEqualTo("Hi Bob, I will take the release notes.\n");
                app.onFx(() -> {
                    input.setText("Hi Bob, I will take the release notes.");
                    input.fireEvent(key(false));
                });
                app.waitFor("bob got alice's message", () -> bob.events().stream().anyMatch(e ->
                        e instanceof RoomMessage m && m.body().equals("Hi Bob, I will take the release notes.")
                                && m.nickname().equals(Optional.of("alice")) && !m.own() && !m.history()));
                app.waitFor("the draft cleared and the own line shown", () -> input.getText().isEmpty()
                        && chat.lines().stream().anyMatch(l -> l.own() && l.sender().equals("alice")));

                bob.session().rooms().sendMessage(room, "Great, thanks Alice! I will draft the dates "
                        + "and send them round before Thursday, so everyone has a day to comment.");
                app.waitFor("bob's answer in alice's chat", () -> chat.lines().stream().anyMatch(
                        l -> l.sender().equals("Bob") && !l.history() && !l.own() && l.body().startsWith("Great")));
                // The join notice would cover the list in the screenshot; it has been read.
                app.onFx(() -> java.util.List.copyOf(app.app().notifications().visible())
                        .forEach(app.app().notifications()::dismiss));
                ChatLine own = chat.lines().stream().filter(ChatLine::own).findFirst().orElseThrow();
                assertThat(own.history()).isFalse();
                Path shot = app.screenshot("chat");
                assertThat(Files.size(shot)).isPositive();

                // Prosody lets only moderators change the subject by default; alice is a participant.
                app.onFx(() -> chat.changeSubject("Alice's subject"));
                app.waitFor("the refusal in words", () -> app.app().notifications().history().stream().anyMatch(
                        n -> n.kind() == Notification.Kind.ERROR && n.title().equals("Subject not changed")
                                && n.message().startsWith("You are not allowed to change the subject of " + room)));
                assertThat(chat.subject().get()).isEqualTo("Release 2.4 planning: notes, dates, owners");
                app.screenshot("chat-subject-refused");

                // A message of several lines is shown whole (the theme alone would fix every row at one height).
                javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) app.scene()
                        .lookup("#chat-messages");
                bob.session().rooms().sendMessage(room, "Agenda:\n1. notes\n2. dates\n3. owners\n4. anything else");
                app.waitFor("the agenda, five lines high", () -> list.lookupAll(".list-cell").stream()
                        .filter(n -> n instanceof javafx.scene.control.ListCell<?> cell
                                && cell.getItem() instanceof ChatLine line && line.body().startsWith("Agenda:"))
                        .anyMatch(n -> ((javafx.scene.layout.Region) n).getHeight() >= 5 * 15));

                // Follows new messages while at the bottom; stays put while the reader looks further up.
                for (int i = 1; i <= 40; i++) {
                    bob.session().rooms().sendMessage(room, "Item " + i + " of the checklist");
                }
                app.waitFor("all items", () -> chat.lines().stream().anyMatch(l -> l.body().startsWith("Item 40 ")));
                app.waitFor("the list following to the end", () -> lastVisible(list) == chat.lines().size() - 1);
                app.onFx(() -> list.scrollTo(0));
                app.waitFor("scrolled to the top", () -> firstVisible(list) == 0);
                bob.session().rooms().sendMessage(room, "One more while alice reads back");
                app.waitFor("the new line", () -> chat.lines().stream()
                        .anyMatch(l -> l.body().startsWith("One more")));
                assertThat(firstVisible(list)).isZero();
            }
        }
    }

    private static int lastVisible(javafx.scene.control.ListView<?> list) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        return flow.getLastVisibleCell() == null ? -1 : flow.getLastVisibleCell().getIndex();
    }

    private static int firstVisible(javafx.scene.control.ListView<?> list) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        return flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
    }

    private static KeyEvent key(boolean shift) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, shift, false, false, false);
    }
}
