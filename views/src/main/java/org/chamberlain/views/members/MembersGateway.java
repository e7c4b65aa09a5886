package org.chamberlain.views.members;

import java.util.function.Consumer;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.app.errors.ModerationException;

/**
 * What the Members tab needs from the core ({@code AffiliationService::fetch} and {@code ::apply} fit).
 * Both block on the server; the view model calls them on the task runner only.
 */
public interface MembersGateway {

    AffiliationLists fetch(String room) throws ModerationException;

    ApplyReport apply(String room, AffiliationChangeSet changes, boolean selfDemotionConfirmed)
            throws ModerationException;

    /**
     * Applies and hands each change's result to {@code onEachSent} as the server answers it (on the calling
     * background thread). {@code AffiliationService::apply} with a consumer fits; this default reports every
     * result at the end, for gateways that cannot stream.
     */
    default ApplyReport apply(String room, AffiliationChangeSet changes, boolean selfDemotionConfirmed,
            Consumer<ItemResult> onEachSent) throws ModerationException {
        ApplyReport report = apply(room, changes, selfDemotionConfirmed);
        report.items().forEach(onEachSent);
        return report;
    }
}
