package org.chamberlain.app.occupants;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.ConnectionState;
import org.chamberlain.app.events.AffiliationChanged;
import org.chamberlain.app.events.InvitationDeclined;
import org.chamberlain.app.events.InvitationReceived;
import org.chamberlain.app.events.Listeners;
import org.chamberlain.app.events.NicknameChanged;
import org.chamberlain.app.events.Occupant;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.OccupantLeft;
import org.chamberlain.app.events.OccupantRoleChanged;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.events.RoomEvent.Cause;
import org.chamberlain.app.events.RoomEvent.Departure;
import org.chamberlain.app.events.RoomMessage;
import org.chamberlain.app.events.SubjectChanged;
import org.jivesoftware.smack.ListenerHandle;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.filter.MessageWithSubjectFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.packet.Destroy;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.Jid;

/**
 * The live occupant lists of every room one account is in, the real JIDs seen in each room (kept after people
 * leave, so they can still be banned), and the room events of that account.
 *
 * <p>Threading: Smack calls {@link #process} on its ordered listener thread after its own MUC bookkeeping
 * for the same stanza is done (so {@code MultiUserChat} state matches the events); it only updates memory
 * and hands events to listener executors. Queries ({@link #occupants}, {@link #realJidOf}, …) may be called
 * from any thread and return snapshots. Create one per account before joining rooms; {@link #close()} detaches
 * it from the connection.
 */
public final class OccupantTracker implements AutoCloseable {
    private static final StanzaFilter MUC_TRAFFIC = new OrFilter(
            new AndFilter(StanzaTypeFilter.PRESENCE, new StanzaExtensionFilter(MUCUser.ELEMENT, MUCUser.NAMESPACE)),
            new AndFilter(StanzaTypeFilter.MESSAGE, new OrFilter(
                    new StanzaExtensionFilter(MUCUser.ELEMENT, MUCUser.NAMESPACE),
                    new StanzaExtensionFilter(GroupChatInvitation.ELEMENT, GroupChatInvitation.NAMESPACE),
                    new AndFilter(MessageTypeFilter.GROUPCHAT, new OrFilter(MessageWithSubjectFilter.INSTANCE,
                            MessageWithBodiesFilter.INSTANCE)))));

    private final String account;
    private final Listeners<RoomEvent> listeners = new Listeners<>();
    private final Map<String, RoomState> rooms = new ConcurrentHashMap<>();
    private final ListenerHandle handle;
    private final Registration stateRegistration;

    public OccupantTracker(AccountConnection connection) {
        this.account = connection.accountJid();
        // A *sync* listener on purpose. Smack 4.5 runs the listeners added with addStanzaListener (MultiUserChat's
        // own among them) in parallel for each stanza, so an event published from there could reach a caller
        // before MultiUserChat had updated its state: a RoomDestroyed event arrived while isJoined() was still
        // true, and an immediate re-join then tried to leave first and timed out. Sync listeners run afterwards,
        // in arrival order, on one thread per connection.
        this.handle = connection.xmppConnection().addSyncStanzaListener(this::process, MUC_TRAFFIC);
        // When the connection drops, the server removes us from every room: the lists are no longer live. They
        // fill again from the presences that follow a rejoin. Real JIDs seen stay remembered.
        this.stateRegistration = connection.onStateChange(change -> {
            if (change.state() != ConnectionState.CONNECTED && change.state() != ConnectionState.CONNECTING) {
                forgetLiveOccupants();
            }
        }, Runnable::run);
    }

    /**
     * Publishes an event that did not come from a stanza (e.g. {@link org.chamberlain.app.events.RejoinFailed}),
     * so listeners get all room events from one place. Any thread; returns at once.
     */
    public void publish(RoomEvent event) {
        listeners.publish(event);
    }

    private void forgetLiveOccupants() {
        for (RoomState state : rooms.values()) {
            synchronized (state) {
                state.occupants.clear();
                state.selfNick = null;
            }
        }
    }

    /** Every room event of this account, on {@code executor}. */
    public Registration onEvent(Consumer<? super RoomEvent> listener, Executor executor) {
        return listeners.add(listener, executor);
    }

    /** The events of one room, on {@code executor}. */
    public Registration onRoomEvent(String room, Consumer<? super RoomEvent> listener, Executor executor)
            throws ModerationException {
        String key = Addresses.canonicalRoom(room);
        return listeners.add(event -> {
            if (event.room().equals(key)) {
                listener.accept(event);
            }
        }, executor);
    }

    /** The occupants of {@code room} now, in the order they arrived; empty when we are not in it. */
    public List<Occupant> occupants(String room) throws ModerationException {
        RoomState state = rooms.get(Addresses.canonicalRoom(room));
        return state == null ? List.of() : state.snapshot();
    }

    public Optional<Occupant> occupant(String room, String nickname) throws ModerationException {
        RoomState state = rooms.get(Addresses.canonicalRoom(room));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.occupants.get(nickname));
        }
    }

    /** Our own nickname in {@code room} as the room reported it (status 110), when we are in it. */
    public Optional<String> selfNickname(String room) throws ModerationException {
        RoomState state = rooms.get(Addresses.canonicalRoom(room));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.selfNick);
        }
    }

    /** The subject {@code room} last announced to us (empty before any announcement). Any thread. */
    public Optional<String> subject(String room) throws ModerationException {
        RoomState state = rooms.get(Addresses.canonicalRoom(room));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.subject);
        }
    }

    /**
     * The bare real JID last seen behind {@code nickname} in {@code room}, also after they left (as long as this
     * tracker lives). Empty when the room never showed it to us (semi-anonymous room and we are not moderator).
     */
    public Optional<String> realJidOf(String room, String nickname) throws ModerationException {
        RoomState state = rooms.get(Addresses.canonicalRoom(room));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.ofNullable(state.seenJids.get(nickname));
        }
    }

    /** Every nickname → bare real JID pair seen in {@code room}, including people who left. */
    public Map<String, String> seenRealJids(String room) throws ModerationException {
        RoomState state = rooms.get(Addresses.canonicalRoom(room));
        if (state == null) {
            return Map.of();
        }
        synchronized (state) {
            return Map.copyOf(state.seenJids);
        }
    }

    /** Called on Smack's listener thread. Never blocks. */
    void process(Stanza stanza) {
        Jid from = stanza.getFrom();
        if (from == null || from.asEntityBareJidIfPossible() == null) {
            return;
        }
        String room = from.asEntityBareJidIfPossible().toString();
        if (stanza instanceof Presence) {
            String nick = from.getResourceOrNull() == null ? null : from.getResourceOrNull().toString();
            if (nick != null) {
                presence(room, nick, (Presence) stanza);
            }
        } else if (stanza instanceof Message) {
            message(room, (Message) stanza);
        }
    }

    private void presence(String room, String nick, Presence presence) {
        MUCUser user = MUCUser.from(presence);
        Set<Integer> codes = user.getStatus().stream().map(MUCUser.Status::getCode).collect(Collectors.toSet());
        MUCItem item = user.getItem();
        RoomState state = rooms.computeIfAbsent(room, key -> new RoomState());
        List<RoomEvent> events = new ArrayList<>();
        synchronized (state) {
            boolean self = codes.contains(110) || nick.equals(state.selfNick);
            Occupant now = occupant(nick, item);
            now.realBareJid().ifPresent(jid -> {
                state.seenJids.put(nick, jid);
                state.knownAffiliations.put(jid, now.affiliation());
            });
            Cause cause = item == null ? Cause.NONE : Cause.of(actorOf(item), item.getReason());
            if (presence.getType() == Presence.Type.available) {
                if (self) {
                    state.selfNick = nick;
                }
                Occupant before = state.occupants.put(nick, now);
                if (before == null) {
                    events.add(new OccupantJoined(account, room, now));
                } else {
                    if (before.role() != now.role()) {
                        events.add(new OccupantRoleChanged(account, room, now, before.role(), cause));
                    }
                    if (before.affiliation() != now.affiliation()) {
                        events.add(new AffiliationChanged(account, room, now.realBareJid(), Optional.of(nick),
                                now.affiliation(), Optional.of(before.affiliation()), cause));
                    }
                }
            } else if (presence.getType() == Presence.Type.unavailable) {
                Occupant before = state.occupants.remove(nick);
                Occupant leaving = before == null ? now : before;
                if (codes.contains(303) && item != null && item.getNick() != null) {
                    String newNick = item.getNick().toString();
                    state.occupants.put(newNick, new Occupant(newNick, leaving.realJid(), leaving.role(),
                            leaving.affiliation()));
                    leaving.realBareJid().ifPresent(jid -> state.seenJids.put(newNick, jid));
                    if (self) {
                        state.selfNick = newNick;
                    }
                    events.add(new NicknameChanged(account, room, nick, newNick, self));
                } else {
                    Destroy destroy = user.getDestroy();
                    Departure departure = destroy != null ? Departure.ROOM_DESTROYED : departure(codes);
                    if (before != null && now.affiliation() != before.affiliation()
                            && departure != Departure.ROOM_DESTROYED) {
                        events.add(new AffiliationChanged(account, room, leaving.realBareJid(), Optional.of(nick),
                                now.affiliation(), Optional.of(before.affiliation()), cause));
                    }
                    if (self) {
                        state.occupants.clear();
                        state.selfNick = null;
                        if (destroy != null) {
                            events.add(new RoomDestroyed(account, room,
                                    Optional.ofNullable(destroy.getJid()).map(Object::toString),
                                    Optional.ofNullable(destroy.getReason())));
                        } else if (departure != Departure.LEFT) {
                            events.add(new RemovedFromRoom(account, room, departure, cause));
                        }
                    } else {
                        events.add(new OccupantLeft(account, room, leaving, departure, cause));
                    }
                }
            }
        }
        events.forEach(listeners::publish);
    }

    private void message(String room, Message message) {
        MUCUser user = MUCUser.from(message);
        // Mediated first: Prosody adds a jabber:x:conference element to mediated invitations too (muc.lib.lua,
        // "muc-invite" hook), so a message with both is a mediated invitation from the room.
        if (user != null && user.getInvite() != null) {
            MUCUser.Invite invite = user.getInvite();
            listeners.publish(new InvitationReceived(account, room,
                    Optional.ofNullable(invite.getFrom()).map(Object::toString),
                    Optional.ofNullable(invite.getReason()), Optional.ofNullable(user.getPassword()), false));
            return;
        }
        GroupChatInvitation direct = message.getExtension(GroupChatInvitation.class);
        if (direct != null) {
            Jid sender = message.getFrom();
            listeners.publish(new InvitationReceived(account, direct.getRoomAddress().toString(),
                    Optional.of(sender.asBareJid().toString()), Optional.ofNullable(direct.getReason()),
                    Optional.ofNullable(direct.getPassword()), true));
            return;
        }
        if (user != null && user.getDecline() != null) {
            MUCUser.Decline decline = user.getDecline();
            listeners.publish(new InvitationDeclined(account, room,
                    decline.getFrom() == null ? "(unknown)" : decline.getFrom().toString(),
                    Optional.ofNullable(decline.getReason())));
            return;
        }
        if (user != null && user.getItem() != null && message.getFrom().getResourceOrNull() == null) {
            // XEP-0045 §9.3 (ex. 195): the room announces an affiliation change of someone not in the room.
            MUCItem item = user.getItem();
            Optional<String> jid = Optional.ofNullable(item.getJid()).map(j -> j.asBareJid().toString());
            RoomState state = rooms.get(room);
            Optional<Affiliation> previous = Optional.empty();
            if (state != null && jid.isPresent()) {
                synchronized (state) {
                    previous = Optional.ofNullable(state.knownAffiliations.put(jid.get(), affiliationOf(item)));
                }
            }
            listeners.publish(new AffiliationChanged(account, room, jid, Optional.empty(), affiliationOf(item),
                    previous, Cause.of(actorOf(item), item.getReason())));
            return;
        }
        if (message.getType() == Message.Type.groupchat && message.getBody() != null) {
            groupChatMessage(room, message);
            return;
        }
        if (message.getType() == Message.Type.groupchat && message.getSubject() != null) {
            RoomState state = rooms.computeIfAbsent(room, key -> new RoomState());
            synchronized (state) {
                state.subject = message.getSubject();
            }
            listeners.publish(new SubjectChanged(account, room, message.getSubject(),
                    Optional.ofNullable(message.getFrom().getResourceOrNull()).map(Object::toString)));
        }
    }

    private void groupChatMessage(String room, Message message) {
        Optional<String> nick = Optional.ofNullable(message.getFrom().getResourceOrNull()).map(Object::toString);
        // History replayed on join carries a XEP-0203 delay stamp (Prosody adds it to every replayed message);
        // live messages do not, so their time is when they reached us.
        DelayInformation delay = DelayInformation.from(message);
        boolean own = false;
        RoomState state = rooms.get(room);
        if (state != null && nick.isPresent()) {
            synchronized (state) {
                own = nick.get().equals(state.selfNick);
            }
        }
        Instant at = delay == null || delay.getStamp() == null ? Instant.now() : delay.getStamp().toInstant();
        listeners.publish(new RoomMessage(account, room, nick, message.getBody(), at, own, delay != null));
    }

    private static Occupant occupant(String nick, MUCItem item) {
        if (item == null) {
            return new Occupant(nick, Optional.empty(), Role.NONE, Affiliation.NONE);
        }
        return new Occupant(nick, Optional.ofNullable(item.getJid()).map(Object::toString),
                item.getRole() == null ? Role.NONE : Role.fromXmppName(item.getRole().name()),
                affiliationOf(item));
    }

    private static Affiliation affiliationOf(MUCItem item) {
        return item.getAffiliation() == null
                ? Affiliation.NONE : Affiliation.fromXmppName(item.getAffiliation().name());
    }

    private static String actorOf(MUCItem item) {
        if (item.getActorNick() != null) {
            return item.getActorNick().toString();
        }
        return item.getActor() == null ? null : item.getActor().toString();
    }

    private static Departure departure(Set<Integer> codes) {
        if (codes.contains(301)) {
            return Departure.BANNED;
        }
        if (codes.contains(307)) {
            return Departure.KICKED;
        }
        if (codes.contains(321)) {
            return Departure.AFFILIATION_CHANGED;
        }
        if (codes.contains(322)) {
            return Departure.MEMBERS_ONLY;
        }
        if (codes.contains(332)) {
            return Departure.SERVICE_SHUTDOWN;
        }
        return Departure.LEFT;
    }

    @Override
    public void close() {
        stateRegistration.close();
        handle.close();
    }

    /** One room's memory; guarded by its own monitor. */
    private static final class RoomState {
        private final Map<String, Occupant> occupants = new LinkedHashMap<>();
        private final Map<String, String> seenJids = new LinkedHashMap<>();
        private final Map<String, Affiliation> knownAffiliations = new LinkedHashMap<>();
        private String selfNick;
        private String subject;

        synchronized List<Occupant> snapshot() {
            return List.copyOf(occupants.values());
        }
    }
}
