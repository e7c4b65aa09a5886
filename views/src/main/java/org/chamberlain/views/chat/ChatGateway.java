package org.chamberlain.views.chat;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RoomEvent;

/**
 * What the Chat tab needs from the core for one account. {@link #sendMessage} and {@link #changeSubject} block
 * on the server: the view model calls them on the task runner only. The others are memory look-ups.
 */
public interface ChatGateway {

    /** The room's events (messages, subject, joins…) on {@code executor}. */
    Registration onRoomEvent(String room, Consumer<? super RoomEvent> listener, Executor executor)
            throws ModerationException;

    boolean isJoined(String room) throws ModerationException;

    /** The subject last announced, when the room announced one since we joined. */
    Optional<String> subject(String room) throws ModerationException;

    void sendMessage(String room, String body) throws ModerationException;

    void changeSubject(String room, String subject) throws ModerationException;

    /** The gateway backed by one account's session of the core. */
    static ChatGateway of(AccountSession session) {
        return new ChatGateway() {
            @Override
            public Registration onRoomEvent(String room, Consumer<? super RoomEvent> listener, Executor executor)
                    throws ModerationException {
                return session.tracker().onRoomEvent(room, listener, executor);
            }

            @Override
            public boolean isJoined(String room) throws ModerationException {
                // The tracker knows first: our own presence reaches its listener (and the events that make the
                // tab ask) before Smack's join() has returned and marked the room joined. Seen as a Chat tab
                // that stayed "not in this room" after joining, under load.
                return session.tracker().selfNickname(room).isPresent() || session.rooms().isJoined(room);
            }

            @Override
            public Optional<String> subject(String room) throws ModerationException {
                return session.tracker().subject(room);
            }

            @Override
            public void sendMessage(String room, String body) throws ModerationException {
                session.rooms().sendMessage(room, body);
            }

            @Override
            public void changeSubject(String room, String subject) throws ModerationException {
                session.rooms().changeSubject(room, subject);
            }
        };
    }
}
