package org.chamberlain.app.forms;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * Receives every configuration submission the server answered (accepted or refused), for the audit log. Called
 * on the submitting thread before {@link RoomConfigurationService#submit} returns or throws.
 */
@FunctionalInterface
public interface ConfigurationAuditor {
    /** Records nothing; only for tests that are not about auditing. */
    ConfigurationAuditor NONE = (account, room, submission, refusal) -> Optional.empty();

    /**
     * @param account the bare JID that submitted
     * @param room the room
     * @param submission what was sent
     * @param refusal the server's refusal, if it refused
     * @return why the record could not be written, if it could not
     */
    Optional<ModerationException> submitted(String account, String room, FormSubmission submission,
            Optional<ModerationException> refusal);
}
