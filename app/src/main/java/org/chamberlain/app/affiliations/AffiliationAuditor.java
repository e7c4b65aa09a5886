package org.chamberlain.app.affiliations;

import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * Receives every applied change set, for the audit log. Called on the thread that applied the changes, after
 * the server answered and before {@link AffiliationService#apply} returns, so an entry is durable by the time
 * the caller sees the report.
 */
@FunctionalInterface
public interface AffiliationAuditor {
    /** Records nothing; only for tests that are not about auditing. */
    AffiliationAuditor NONE = (account, report) -> Optional.empty();

    /**
     * @param account the bare JID that applied the changes
     * @param report what happened
     * @return why the record could not be written, if it could not (the changes stay applied either way)
     */
    Optional<ModerationException> applied(String account, ApplyReport report);
}
