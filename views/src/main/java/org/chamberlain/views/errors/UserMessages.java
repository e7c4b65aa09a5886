package org.chamberlain.views.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.prosody.ProsodyException;

/**
 * Turns failures into what a person reads: one sentence up front, the technical details for the expandable
 * part. The core already words its {@link ModerationException}s for people; everything else is an
 * unexpected failure and says so.
 */
public final class UserMessages {

    private UserMessages() {
    }

    public static String sentence(Throwable failure) {
        Throwable root = unwrap(failure);
        if (root instanceof ModerationException || root instanceof ProsodyException) {
            return root.getMessage();
        }
        if (root instanceof java.net.ConnectException) {
            return "Could not reach the server: " + root.getMessage() + ".";
        }
        if (root instanceof java.io.IOException) {
            return "A file or network operation failed: " + root.getMessage();
        }
        String text = root.getMessage();
        return "Something went wrong inside Chamberlain (" + root.getClass().getSimpleName() + ")"
                + (text == null || text.isBlank() ? "." : ": " + text);
    }

    /** The server's own words (when it sent any), then the stack trace. */
    public static String details(Throwable failure) {
        Throwable root = unwrap(failure);
        StringBuilder details = new StringBuilder();
        if (root instanceof ModerationException moderation) {
            details.append("Condition: ").append(moderation.condition().xmppName()).append('\n');
            moderation.serverText().ifPresent(t -> details.append("Server says: ").append(t).append('\n'));
            details.append('\n');
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return details.append(trace).toString();
    }

    /** The core's refusal behind a failure (unwrapping executor wrappers), when that is what it is. */
    public static java.util.Optional<ModerationException> unwrapModeration(Throwable failure) {
        Throwable root = unwrap(failure);
        return root instanceof ModerationException moderation ? java.util.Optional.of(moderation)
                : java.util.Optional.empty();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
