package org.chamberlain.views.notifications;

import java.time.Clock;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.views.errors.UserMessages;

/**
 * The notifications on screen now, newest last, and the history of all of them this run. A view model:
 * mutated on the UI thread only (view models post from task callbacks, which arrive there).
 */
public final class NotificationCenter {
    /** Older notifications are dropped from the screen beyond this many; they stay in the history. */
    static final int MAX_VISIBLE = 4;

    private final ObservableList<Notification> visible = FXCollections.observableArrayList();
    /** One wrapper, kept: listeners on a fresh wrapper per call would be collected with it. */
    private final ObservableList<Notification> visibleReadOnly = FXCollections.unmodifiableObservableList(visible);
    private final ObservableList<Notification> history = FXCollections.observableArrayList();
    /** One wrapper, kept: listeners on a fresh wrapper per call would be collected with it. */
    private final ObservableList<Notification> historyReadOnly = FXCollections.unmodifiableObservableList(history);
    private final Clock clock;

    public NotificationCenter(Clock clock) {
        this.clock = clock;
    }

    public ObservableList<Notification> visible() {
        return visibleReadOnly;
    }

    public ObservableList<Notification> history() {
        return historyReadOnly;
    }

    public Notification post(Notification.Kind kind, String title, String message, String details) {
        Notification n = new Notification(kind, title, message, details, clock.instant());
        history.add(n);
        visible.add(n);
        while (visible.size() > MAX_VISIBLE) {
            visible.remove(0);
        }
        return n;
    }

    /**
     * Posts unless the same card (kind, title and message) is on screen now: several of the app's accounts in one
     * room each see the same room event (a room destroyed), and one card says it.
     */
    public Notification postUnlessOnScreen(Notification.Kind kind, String title, String message) {
        for (Notification shown : visible) {
            if (shown.kind() == kind && shown.title().equals(title) && shown.message().equals(message)) {
                return shown;
            }
        }
        return post(kind, title, message, null);
    }

    public Notification info(String title, String message) {
        return post(Notification.Kind.INFO, title, message, null);
    }

    public Notification success(String title, String message) {
        return post(Notification.Kind.SUCCESS, title, message, null);
    }

    /** An action failed: the plain-language sentence up front, the technical details expandable. */
    public Notification error(String title, Throwable failure) {
        return post(Notification.Kind.ERROR, title, UserMessages.sentence(failure), UserMessages.details(failure));
    }

    public void dismiss(Notification notification) {
        visible.remove(notification);
    }
}
