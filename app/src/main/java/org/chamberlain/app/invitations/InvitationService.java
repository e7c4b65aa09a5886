package org.chamberlain.app.invitations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.SmackErrors;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.ModerationAction;
import org.chamberlain.app.occupants.AdminRequests;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;

/**
 * Invites several people at once, with a reason and (for direct invitations) the room password. In a
 * members-only room, invitees who are not yet affiliated are first made members, one request per person,
 * when we may edit the member list; then the invitation is sent. Each invitee gets its own result, and each
 * invitation (and membership grant) is reported to the {@link ActionJournal}.
 *
 * <p>Blocks on server round trips: call from a background thread. Thread-safe (stateless).
 */
public final class InvitationService {
    private final AccountConnection connection;
    private final ActionJournal journal;
    private final Clock clock = Clock.systemUTC();

    public InvitationService(AccountConnection connection, ActionJournal journal) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** How the invitation travels. */
    public enum Kind {
        /** Through the room (XEP-0045): the room adds its password itself and may refuse the inviter. */
        MEDIATED,
        /** Straight to the invitee (XEP-0249): works with clients that ignore mediated invitations. */
        DIRECT
    }

    /**
     * Invites each of {@code invitees} (bare JIDs) to {@code room}.
     *
     * @param password for {@link Kind#DIRECT} only: the room password to pass on (mediated invitations get it
     *     from the room)
     * @return one result per invitee, in the given order
     * @throws ModerationException only when the room itself cannot be used (bad address, not connected);
     *     per-invitee problems are in the results
     */
    public List<InvitationResult> invite(String room, List<String> invitees, Kind kind, Optional<String> reason,
            Optional<String> password) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection.xmppConnection()).getMultiUserChat(roomJid);
        MembershipPlan plan = planMembership(muc, roomJid);
        List<InvitationResult> results = new ArrayList<>();
        // A mediated invitation is a message: the room's refusal (e.g. forbidden in a members-only room) comes
        // back as an error message with the same id, or not at all. Collect those errors while sending.
        StanzaCollector refusals = kind == Kind.MEDIATED ? connection.xmppConnection().createStanzaCollector(
                new AndFilter(MessageTypeFilter.ERROR, FromMatchesFilter.createBare(roomJid))) : null;
        // Insertion order: the journal (and the audit log) lists the invitations in the order they were sent.
        Map<String, Integer> sentIds = new java.util.LinkedHashMap<>();
        try {
            sendAll(muc, roomJid, invitees, kind, reason, password, plan, results, sentIds);
            Map<Integer, ModerationException> refused = refusals != null && !sentIds.isEmpty()
                    ? collectRefusals(refusals, roomJid, results, sentIds) : Map.of();
            for (int index : sentIds.values()) {
                record(roomJid, "invite", results.get(index).invitee(), reason, refused.get(index));
            }
        } finally {
            if (refusals != null) {
                refusals.cancel();
            }
        }
        return List.copyOf(results);
    }

    private void sendAll(MultiUserChat muc, EntityBareJid roomJid, List<String> invitees, Kind kind,
            Optional<String> reason, Optional<String> password, MembershipPlan plan, List<InvitationResult> results,
            Map<String, Integer> sentIds) {
        for (String text : invitees) {
            EntityBareJid invitee;
            try {
                invitee = Addresses.person(text);
            } catch (ModerationException e) {
                results.add(new InvitationResult(text, false, Optional.empty(), Optional.of(e.getMessage())));
                continue;
            }
            Optional<String> membership = plan.ensureMember(invitee, reason);
            try {
                if (kind == Kind.DIRECT) {
                    muc.inviteDirectly(invitee, reason.orElse(null), password.orElse(null), false, null);
                } else {
                    String id = "chamberlain-invite-" + UUID.randomUUID();
                    muc.invite(StanzaBuilder.buildMessage(id), invitee, reason.orElse(null));
                    sentIds.put(id, results.size());
                }
                if (kind == Kind.DIRECT) {
                    // Mediated invitations are journaled once the room had its chance to refuse them.
                    record(roomJid, "invite-direct", invitee.toString(), reason, null);
                }
                results.add(new InvitationResult(invitee.toString(), true, membership, Optional.empty()));
            } catch (Exception e) {
                ModerationException refusal = SmackErrors.translate(e, Attempt.of(Action.INVITE, roomJid, invitee));
                record(roomJid, kind == Kind.DIRECT ? "invite-direct" : "invite", invitee.toString(), reason,
                        refusal);
                results.add(new InvitationResult(invitee.toString(), false, membership,
                        Optional.of(refusal.getMessage())));
            }
        }
    }

    /**
     * Waits for a disco#info round trip to the room: the server handles our stanzas to the room in order, so
     * once that answer is here, every refusal of an invitation sent before it is here too.
     */
    private Map<Integer, ModerationException> collectRefusals(StanzaCollector refusals, EntityBareJid room,
            List<InvitationResult> results, Map<String, Integer> sentIds) {
        Map<Integer, ModerationException> refused = new HashMap<>();
        try {
            ServiceDiscoveryManager.getInstanceFor(connection.xmppConnection()).discoverInfo(room);
        } catch (XMPPException.XMPPErrorException e) {
            // An error answer is an answer: the barrier holds.
        } catch (Exception e) {
            // No answer: refusals may still be on their way; report what we have.
            return refused;
        }
        Stanza error;
        while ((error = refusals.pollResult()) != null) {
            Integer index = sentIds.get(error.getStanzaId());
            if (index == null || error.getError() == null) {
                continue;
            }
            InvitationResult sent = results.get(index);
            ModerationException refusal = SmackErrors.translate(new XMPPException.XMPPErrorException(error,
                    error.getError()), Attempt.of(Action.INVITE, room, sent.invitee()));
            results.set(index, new InvitationResult(sent.invitee(), false, sent.membership(),
                    Optional.of(refusal.getMessage())));
            refused.put(index, refusal);
        }
        return refused;
    }

    /**
     * Declines a mediated invitation: the room passes the refusal on to {@code inviter}. Sends one message;
     * returns without an answer from the room.
     */
    public void decline(String room, String inviter, Optional<String> reason) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        try {
            MultiUserChatManager.getInstanceFor(connection.xmppConnection()).decline(roomJid,
                    Addresses.person(inviter), reason.orElse(null));
        } catch (ModerationException e) {
            throw e;
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.custom("decline the invitation to", roomJid));
        }
    }

    private MembershipPlan planMembership(MultiUserChat muc, EntityBareJid room) throws ModerationException {
        boolean membersOnly;
        try {
            membersOnly = MultiUserChatManager.getInstanceFor(connection.xmppConnection()).getRoomInfo(room)
                    .isMembersOnly();
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.ROOM_INFO, room));
        }
        if (!membersOnly) {
            return new MembershipPlan(room, false, Set.of(), null);
        }
        // Granting "member" to an admin or owner would demote them: learn who is affiliated first.
        Set<String> affiliated = new HashSet<>();
        try {
            for (List<Affiliate> list : List.of(muc.getOwners(), muc.getAdmins(), muc.getMembers())) {
                list.forEach(a -> affiliated.add(a.getJid().asBareJid().toString()));
            }
        } catch (Exception e) {
            ModerationException refusal = SmackErrors.translate(e, Attempt.of(Action.LIST_AFFILIATIONS, room));
            return new MembershipPlan(room, true, Set.of(), "not granted: you may not edit the member list ("
                    + refusal.getMessage() + ")");
        }
        return new MembershipPlan(room, true, affiliated, null);
    }

    /** Membership handling for one invitation round. */
    private final class MembershipPlan {
        private final EntityBareJid room;
        private final boolean membersOnly;
        private final Set<String> affiliated;
        private final String cannotGrant;

        MembershipPlan(EntityBareJid room, boolean membersOnly, Set<String> affiliated, String cannotGrant) {
            this.room = room;
            this.membersOnly = membersOnly;
            this.affiliated = affiliated;
            this.cannotGrant = cannotGrant;
        }

        Optional<String> ensureMember(EntityBareJid invitee, Optional<String> reason) {
            if (!membersOnly) {
                return Optional.empty();
            }
            if (cannotGrant != null) {
                return Optional.of(cannotGrant);
            }
            if (affiliated.contains(invitee.toString())) {
                return Optional.of("already member");
            }
            try {
                AdminRequests.setAffiliation(connection.xmppConnection(), room, invitee, Affiliation.MEMBER,
                        reason.orElse(null), Attempt.of(Action.CHANGE_AFFILIATION, room, invitee));
                record(room, "grant-membership", invitee.toString(), reason, null);
                return Optional.of("granted");
            } catch (ModerationException e) {
                record(room, "grant-membership", invitee.toString(), reason, e);
                return Optional.of("not granted: " + e.getMessage());
            }
        }
    }

    private void record(EntityBareJid room, String action, String target, Optional<String> reason,
            ModerationException error) {
        journal.record(ModerationAction.of(clock.instant(), connection.accountJid(), room.toString(), action,
                target, reason, error));
    }
}
