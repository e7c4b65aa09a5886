package org.chamberlain.app.forms;

import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * A configuration the server accepted.
 *
 * @param submission what was sent (its {@link FormSubmission#changes()} are what changed)
 * @param auditFailure why the audit log could not record it, if it could not (the change stays applied)
 */
public record ConfigurationResult(FormSubmission submission, Optional<ModerationException> auditFailure) {
    public ConfigurationResult {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(auditFailure, "auditFailure");
    }
}
