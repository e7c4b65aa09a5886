package org.chamberlain.views.members;

import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.errors.ModerationException;

/**
 * What the Members tab needs from the core ({@code AffiliationService::fetch} and {@code ::apply} fit).
 * Both block on the server; the view model calls them on the task runner only.
 */
public interface MembersGateway {

    AffiliationLists fetch(String room) throws ModerationException;

    ApplyReport apply(String room, AffiliationChangeSet changes, boolean selfDemotionConfirmed)
            throws ModerationException;
}
