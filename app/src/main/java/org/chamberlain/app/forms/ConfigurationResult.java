package org.chamberlain.app.forms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * A configuration the server accepted.
 *
 * @param submission what was sent (its {@link FormSubmission#changes()} are what changed)
 * @param notTaken changed fields whose value the server did not keep as sent, seen by reading the form again
 *     ({@link FieldChange#before()} = what was sent, {@link FieldChange#after()} = what the server now has);
 *     e.g. a history length above the server's maximum
 * @param confirmation the form as read again after submitting, when that worked
 * @param confirmationFailure why the form could not be read again (e.g. the change took away our ownership)
 * @param auditFailure why the audit log could not record it, if it could not (the change stays applied)
 */
public record ConfigurationResult(FormSubmission submission, List<FieldChange> notTaken,
        Optional<FormDefinition> confirmation, Optional<ModerationException> confirmationFailure,
        Optional<ModerationException> auditFailure) {
    public ConfigurationResult {
        Objects.requireNonNull(submission, "submission");
        notTaken = List.copyOf(notTaken);
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(confirmationFailure, "confirmationFailure");
        Objects.requireNonNull(auditFailure, "auditFailure");
    }

    /** Whether every changed field now has the value that was sent (or the form could not be read again). */
    public boolean allTaken() {
        return notTaken.isEmpty();
    }
}
