package org.chamberlain.views.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message for the person that does not block the window: an invitation arrived, someone was kicked,
 * an action failed. {@code details} (stack trace, server reply) is shown only when expanded.
 */
public record Notification(Kind kind, String title, String message, String details, Instant time) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }

    public Optional<String> detailsIfAny() {
        return Optional.ofNullable(details).filter(d -> !d.isBlank());
    }

    /** How a notification looks and whether it goes away by itself (errors stay until dismissed). */
    public enum Kind {
        INFO, SUCCESS, WARNING, ERROR;

        public boolean staysUntilDismissed() {
            return this == ERROR || this == WARNING;
        }
    }
}
