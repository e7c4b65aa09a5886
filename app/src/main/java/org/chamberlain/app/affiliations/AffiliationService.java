package org.chamberlain.app.affiliations;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.errors.SmackErrors;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Reads and edits a room's affiliation lists ({@code muc#admin}, XEP-0045 §9 and §10).
 *
 * <p>Changes go out as <b>one request per target</b>: Prosody 0.12 applies only the first {@code <item/>} of a
 * multi-item request and still answers {@code result}, so Smack's {@code Collection} overloads would silently
 * change one person. After applying, the lists are fetched again and every accepted change is checked against
 * them ({@link ItemResult.Outcome#IGNORED} when the server said yes but did nothing).
 *
 * <p>Every method blocks on server round trips: call from a background thread, never from the UI thread or a
 * Smack listener. Stateless apart from the connection; may be shared.
 */
public final class AffiliationService {
    private final XMPPConnection connection;
    private final AffiliationAuditor auditor;

    /**
     * @param connection a logged-in connection
     * @param auditor told about every apply (the audit log); use {@link AffiliationAuditor#NONE} only in tests
     *        of other things
     */
    public AffiliationService(XMPPConnection connection, AffiliationAuditor auditor) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    /**
     * All four lists (four requests). Lists the server refuses to show ({@code forbidden}, {@code not-allowed};
     * Prosody refuses admins the owner list) come back {@link AffiliationLists#unreadable()}; when
     * every list is refused, or anything else fails, the first failure is thrown.
     */
    public AffiliationLists fetch(String room) throws ModerationException {
        Map<Affiliation, List<AffiliatedJid>> lists = new EnumMap<>(Affiliation.class);
        Set<Affiliation> unreadable = EnumSet.noneOf(Affiliation.class);
        ModerationException firstRefusal = null;
        for (Affiliation affiliation : Affiliation.LISTS) {
            try {
                lists.put(affiliation, fetch(room, affiliation));
            } catch (ModerationException e) {
                if (e.condition() != Condition.FORBIDDEN && e.condition() != Condition.NOT_ALLOWED) {
                    throw e;
                }
                unreadable.add(affiliation);
                firstRefusal = firstRefusal == null ? e : firstRefusal;
            }
        }
        if (unreadable.size() == Affiliation.LISTS.size()) {
            throw firstRefusal;
        }
        return new AffiliationLists(room, lists, unreadable);
    }

    /** One list: owners, admins, members or banned. */
    public List<AffiliatedJid> fetch(String room, Affiliation affiliation) throws ModerationException {
        if (affiliation == Affiliation.NONE) {
            throw new IllegalArgumentException("There is no list of people without affiliation");
        }
        MUCAdmin request = new MUCAdmin();
        request.setTo(roomJid(room));
        request.setType(IQ.Type.get);
        request.addItem(new MUCItem(MUCAffiliation.fromString(affiliation.xmppName())));
        IQ answer = send(request, Attempt.of(Attempt.Action.LIST_AFFILIATIONS, room));
        List<AffiliatedJid> entries = new ArrayList<>();
        if (answer instanceof MUCAdmin admin) {
            for (MUCItem item : admin.getItems()) {
                if (item.getJid() == null) {
                    continue;
                }
                entries.add(new AffiliatedJid(item.getJid().asBareJid().toString(), affiliation,
                        Optional.ofNullable(item.getNick()).map(Object::toString),
                        Optional.ofNullable(item.getReason()).filter(r -> !r.isBlank())));
            }
        }
        return entries;
    }

    /**
     * Validates and applies a change set, one request per change, then re-fetches the lists to confirm.
     * A refusal of one change does not stop the others; a lost connection does (the rest are reported as not
     * attempted). The outcome is handed to the auditor before this method returns.
     *
     * @param selfDemotionConfirmed whether the person confirmed lowering their own affiliation
     * @throws AffiliationValidationException when the set breaks a rule; nothing is sent
     */
    public ApplyReport apply(String room, AffiliationChangeSet changeSet, boolean selfDemotionConfirmed)
            throws ModerationException {
        return apply(room, changeSet, selfDemotionConfirmed, item -> { });
    }

    /**
     * Like {@link #apply(String, AffiliationChangeSet, boolean)}, and hands each change's result to {@code
     * onEachSent} as soon as the server answered it, on the calling thread, before the lists are re-fetched
     * (so an editor can show "312 / 1000 applied"). The report may still turn an {@code APPLIED} into {@code
     * IGNORED} when the re-fetched lists do not show the change.
     */
    public ApplyReport apply(String room, AffiliationChangeSet changeSet, boolean selfDemotionConfirmed,
            java.util.function.Consumer<ItemResult> onEachSent) throws ModerationException {
        EntityBareJid roomJid = roomJid(room);
        String self = self();
        List<ChangeProblem> problems = changeSet.validate(self, selfDemotionConfirmed);
        if (!problems.isEmpty()) {
            throw new AffiliationValidationException(problems);
        }
        List<AffiliationChange> order = changeSet.applyOrder(self);
        List<ItemResult> sent = new ArrayList<>();
        ModerationException stop = null;
        for (AffiliationChange change : order) {
            ItemResult result;
            if (stop != null) {
                result = new ItemResult(change, ItemResult.Outcome.NOT_ATTEMPTED, Optional.of(stop));
            } else {
                try {
                    sendChange(roomJid, change);
                    result = new ItemResult(change, ItemResult.Outcome.APPLIED, Optional.empty());
                } catch (ModerationException e) {
                    result = new ItemResult(change, ItemResult.Outcome.REFUSED, Optional.of(e));
                    if (e.condition() == Condition.NOT_CONNECTED || Thread.currentThread().isInterrupted()) {
                        stop = e;
                    }
                }
            }
            sent.add(result);
            onEachSent.accept(result);
        }
        ApplyReport report = confirm(room, sent);
        return report.withAuditFailure(auditor.applied(self, report));
    }

    private ApplyReport confirm(String room, List<ItemResult> sent) {
        AffiliationLists after;
        try {
            after = fetch(room);
        } catch (ModerationException e) {
            return new ApplyReport(room, sent, Optional.empty(), Optional.of(e), Optional.empty());
        }
        List<ItemResult> checked = new ArrayList<>();
        for (ItemResult item : sent) {
            AffiliationChange change = item.change();
            // A change can be checked only if the list it lands on (or, for a removal, leaves) is readable.
            boolean checkable = change.to() == Affiliation.NONE ? after.isReadable(change.from())
                    : after.isReadable(change.to());
            boolean seen = after.affiliationOf(change.jid()) == change.to();
            if (item.outcome() == ItemResult.Outcome.APPLIED && checkable && !seen) {
                checked.add(new ItemResult(item.change(), ItemResult.Outcome.IGNORED, Optional.empty()));
            } else {
                checked.add(item);
            }
        }
        return new ApplyReport(room, checked, Optional.of(after), Optional.empty(), Optional.empty());
    }

    private void sendChange(EntityBareJid room, AffiliationChange change) throws ModerationException {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room);
        request.setType(IQ.Type.set);
        try {
            request.addItem(new MUCItem(MUCAffiliation.fromString(change.to().xmppName()),
                    JidCreate.bareFrom(change.jid()), change.reason().orElse(null)));
        } catch (XmppStringprepException e) {
            throw new ModerationException(Condition.JID_MALFORMED, "'" + change.jid() + "' is not a valid address.",
                    null, e);
        }
        send(request, Attempt.of(Attempt.Action.CHANGE_AFFILIATION, room, change.jid()));
    }

    private String self() throws ModerationException {
        if (connection.getUser() == null) {
            throw new ModerationException(Condition.NOT_CONNECTED, "Not logged in: cannot change affiliations.");
        }
        return connection.getUser().asBareJid().toString();
    }

    private IQ send(IQ request, Attempt attempt) throws ModerationException {
        try {
            return connection.sendIqRequestAndWaitForResponse(request);
        } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException
                | SmackException.NotConnectedException | InterruptedException e) {
            // SmackErrors restores the interrupt flag for InterruptedException.
            throw SmackErrors.translate(e, attempt);
        }
    }

    private static EntityBareJid roomJid(String room) throws ModerationException {
        try {
            return JidCreate.entityBareFrom(room);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ModerationException(Condition.JID_MALFORMED, "'" + room + "' is not a room address "
                    + "(expected name@service).", null, e);
        }
    }
}
