package org.chamberlain.app.rooms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.errors.SmackErrors;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FormSubmission;
import org.chamberlain.app.forms.SmackForms;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.jivesoftware.smackx.muc.HostedRoom;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatException;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * Rooms for one account: discovery, joining and leaving, creation, information, subject, nickname,
 * registration. Stateless apart from Smack's per-connection MUC manager, so it may be shared.
 *
 * <p>Every method blocks on server round trips: call from a background thread, never from the UI thread or a
 * Smack listener. Refusals are {@link ModerationException}s with a sentence for people.
 */
public final class RoomService {
    private final AccountConnection connection;
    /** Passwords of rooms joined through this service, to get back in after a reconnection. */
    private final Map<String, Optional<String>> joinPasswords = new ConcurrentHashMap<>();

    public RoomService(AccountConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    private XMPPConnection xmpp() {
        return connection.xmppConnection();
    }

    private MultiUserChatManager manager() {
        return MultiUserChatManager.getInstanceFor(xmpp());
    }

    MultiUserChat muc(EntityBareJid room) {
        return manager().getMultiUserChat(room);
    }

    /** The MUC services our server announces (disco#items of the server, filtered by disco#info). */
    public List<String> mucServices() throws ModerationException {
        try {
            return manager().getMucServiceDomains().stream().map(Object::toString).sorted().toList();
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.DISCOVER, connection.account().domain()));
        }
    }

    /**
     * The rooms {@code service} lists (disco#items), sorted by address; with {@code withDetails}, each room's
     * information too (one disco#info per room; a room that refuses gets {@link RoomListing#detailsProblem()}).
     */
    public List<RoomListing> rooms(String service, boolean withDetails) throws ModerationException {
        DomainBareJid serviceJid = Addresses.service(service);
        Map<EntityBareJid, HostedRoom> hosted;
        try {
            hosted = manager().getRoomsHostedBy(serviceJid);
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.DISCOVER, service));
        }
        List<RoomListing> listings = new ArrayList<>();
        for (HostedRoom room : hosted.values()) {
            Optional<String> name = Optional.ofNullable(room.getName()).filter(n -> !n.isBlank());
            Optional<RoomDetails> details = Optional.empty();
            Optional<String> problem = Optional.empty();
            if (withDetails) {
                try {
                    details = Optional.of(info(room.getJid().toString()));
                } catch (ModerationException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
            listings.add(new RoomListing(room.getJid().toString(), name, details, problem));
        }
        listings.sort(Comparator.comparing(RoomListing::room));
        return List.copyOf(listings);
    }

    /** The room's own description of itself (disco#info). */
    public RoomDetails info(String room) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        RoomInfo info;
        try {
            info = manager().getRoomInfo(roomJid);
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.ROOM_INFO, roomJid));
        }
        return new RoomDetails(roomJid.toString(), text(info.getName()), text(info.getDescription()),
                text(info.getSubject()),
                info.getOccupantsCount() < 0 ? OptionalInt.empty() : OptionalInt.of(info.getOccupantsCount()),
                info.isMembersOnly(), info.isModerated(), info.isNonanonymous(), info.isPasswordProtected(),
                info.isPersistent(), text(info.getLang()));
    }

    /**
     * Joins {@code room} as {@code nickname}, with {@code password} when the room has one. No history is
     * requested. Returns when the room has confirmed our presence.
     */
    public JoinedRoom join(String room, String nickname, Optional<String> password) throws ModerationException {
        return join(room, nickname, password, 0);
    }

    /**
     * Like {@link #join(String, String, Optional)}, asking the room to replay up to {@code historyMessages} of its
     * recent messages; they arrive as {@link org.chamberlain.app.events.RoomMessage}s marked as history.
     */
    public JoinedRoom join(String room, String nickname, Optional<String> password, int historyMessages)
            throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        MultiUserChat muc = muc(roomJid);
        try {
            MucEnterConfiguration.Builder enter = muc.getEnterConfigurationBuilder(Addresses.nickname(nickname));
            if (historyMessages > 0) {
                enter.requestMaxStanzasHistory(historyMessages);
            } else {
                enter.requestNoHistory();
            }
            password.ifPresent(enter::withPassword);
            Presence self = muc.join(enter.build());
            joinPasswords.put(roomJid.toString(), password);
            return joined(roomJid, self);
        } catch (ModerationException e) {
            throw e;
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.JOIN, roomJid, nickname));
        }
    }

    /** Leaves {@code room}; returns when the room confirmed. Leaving a room we are not in does nothing. */
    public void leave(String room) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        MultiUserChat muc = muc(roomJid);
        if (!muc.isJoined()) {
            return;
        }
        joinPasswords.remove(roomJid.toString());
        try {
            muc.leave();
        } catch (MultiUserChatException.MucNotJoinedException e) {
            // Someone else removed us meanwhile: we are out, which is what the caller wanted.
            return;
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.LEAVE, roomJid));
        }
    }

    /**
     * Joins again every room we were in before the connection broke (the server has removed us; Smack still
     * considers us joined), with the same nickname and password. Called by
     * {@link org.chamberlain.app.AccountSession} after a reconnection; blocks, room after room.
     *
     * <p>Smack's {@code join} first "leaves" a room it thinks we are in, and Prosody does not answer an
     * unavailable presence from someone who is not an occupant, so each rejoin waits one reply timeout (5 s by
     * default) before entering.
     *
     * @return for each room, empty when we are back in, otherwise why not
     */
    public Map<String, Optional<ModerationException>> rejoinAll() {
        Map<String, Optional<ModerationException>> results = new LinkedHashMap<>();
        for (EntityBareJid room : manager().getJoinedRooms()) {
            MultiUserChat muc = muc(room);
            if (!muc.isJoined() || muc.getNickname() == null) {
                continue;
            }
            String nickname = muc.getNickname().toString();
            try {
                join(room.toString(), nickname, joinPasswords.getOrDefault(room.toString(), Optional.empty()));
                results.put(room.toString(), Optional.empty());
            } catch (ModerationException e) {
                results.put(room.toString(), Optional.of(e));
            }
        }
        return results;
    }

    /** Whether Smack considers us joined to {@code room}. Any thread, no network. */
    public boolean isJoined(String room) throws ModerationException {
        return muc(Addresses.room(room)).isJoined();
    }

    /**
     * Creates {@code room} with the service's default configuration (an "instant room") and stays in it as its
     * owner under {@code nickname}.
     *
     * @throws ModerationException {@link Condition#CONFLICT} when the room already exists (we do not stay in it)
     */
    public JoinedRoom createInstant(String room, String nickname) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        MultiUserChat muc = muc(roomJid);
        try {
            muc.create(Addresses.nickname(nickname)).makeInstant();
            return new JoinedRoom(roomJid.toString(), muc.getNickname().toString(), Role.MODERATOR,
                    Affiliation.OWNER, true);
        } catch (MultiUserChatException.MissingMucCreationAcknowledgeException e) {
            throw new ModerationException(Condition.CONFLICT, roomJid + " already exists.", null, e);
        } catch (ModerationException e) {
            throw e;
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.CREATE, roomJid, nickname));
        }
    }

    /**
     * Creates {@code room} and keeps it locked (nobody else can enter) until the returned handle submits the
     * configuration form or cancels (which destroys the room).
     *
     * @throws ModerationException {@link Condition#CONFLICT} when the room already exists
     */
    public ReservedRoomCreation createReserved(String room, String nickname) throws ModerationException {
        return createReserved(room, nickname, ConfigurationAuditor.NONE);
    }

    /**
     * Like {@link #createReserved(String, String)}, and the submitted configuration goes to {@code auditor}
     * (the audit log's {@code AuditTrail.configuration()}).
     */
    public ReservedRoomCreation createReserved(String room, String nickname, ConfigurationAuditor auditor)
            throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        MultiUserChat muc = muc(roomJid);
        try {
            muc.create(Addresses.nickname(nickname));
        } catch (MultiUserChatException.MissingMucCreationAcknowledgeException e) {
            throw new ModerationException(Condition.CONFLICT, roomJid + " already exists.", null, e);
        } catch (ModerationException e) {
            throw e;
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.CREATE, roomJid, nickname));
        }
        ReservedRoomCreation creation = new ReservedRoomCreation(xmpp(), muc, auditor);
        try {
            creation.fetchForm();
        } catch (ModerationException e) {
            creation.cancelQuietly(e);
            throw e;
        }
        return creation;
    }

    /** Changes the room's subject; returns when the room has announced it. */
    public void changeSubject(String room, String subject) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        try {
            muc(roomJid).changeSubject(subject);
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.CHANGE_SUBJECT, roomJid));
        }
    }

    /**
     * Sends {@code body} to everyone in {@code room}; returns when the room has reflected it back to us (so it
     * was accepted and everyone got it). The reflected copy also arrives as an own
     * {@link org.chamberlain.app.events.RoomMessage}.
     *
     * @throws ModerationException {@link Condition#INVALID_REQUEST} when we are not in the room or the text is
     *     empty; the room's refusal (e.g. {@code forbidden} for a visitor in a moderated room); no-response when
     *     neither the echo nor an error came back in time
     */
    public void sendMessage(String room, String body) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        if (body == null || body.isBlank()) {
            throw new ModerationException(Condition.INVALID_REQUEST, "Type a message first.");
        }
        if (!muc(roomJid).isJoined()) {
            throw new ModerationException(Condition.INVALID_REQUEST,
                    "You are not in " + roomJid + ": join it to send messages.");
        }
        Message message = xmpp().getStanzaFactory().buildMessageStanza().ofType(Message.Type.groupchat)
                .to(roomJid).setBody(body).build();
        // Prosody reflects a group-chat message to its sender with the original stanza id, and bounces a refused
        // one as type=error with that id too (checked on 0.12.3), so the id tells which reply is ours.
        StanzaFilter reply = new AndFilter(StanzaTypeFilter.MESSAGE, FromMatchesFilter.createBare(roomJid),
                new StanzaIdFilter(message.getStanzaId()));
        try (StanzaCollector collector = xmpp().createStanzaCollectorAndSend(reply, message)) {
            collector.nextResultOrThrow();
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.SEND_MESSAGE, roomJid));
        }
    }

    /** Changes our nickname in {@code room}; returns when the room has confirmed. */
    public void changeNickname(String room, String newNickname) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        try {
            muc(roomJid).changeNickname(Addresses.nickname(newNickname));
        } catch (ModerationException e) {
            throw e;
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.CHANGE_NICKNAME, roomJid, newNickname));
        }
    }

    /** Our registration with {@code room}: the registered nickname, or the form to register with. */
    public RoomRegistration registration(String room) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        Registration request = new Registration();
        request.setType(IQ.Type.get);
        request.setTo(roomJid);
        IQ answer = send(request, Attempt.of(Action.REGISTER, roomJid));
        if (!(answer instanceof Registration)) {
            throw new ModerationException(Condition.BAD_REQUEST, roomJid + " answered the registration request "
                    + "with something that is not a registration.");
        }
        Registration registration = (Registration) answer;
        Map<String, String> fields = registration.getAttributes() == null ? Map.of() : registration.getAttributes();
        if (fields.containsKey("registered")) {
            return new RoomRegistration(roomJid.toString(), Optional.of(fields.getOrDefault("username", "")),
                    Optional.empty());
        }
        DataForm form = DataForm.from(registration);
        if (form == null) {
            throw new ModerationException(Condition.FEATURE_NOT_IMPLEMENTED, roomJid
                    + " does not offer registration with a form.");
        }
        return new RoomRegistration(roomJid.toString(), Optional.empty(), Optional.of(SmackForms.fromDataForm(form)));
    }

    /** Registers with {@code room} by submitting its registration form (typically: the nickname to reserve). */
    public FormSubmission register(String room, FormDefinition form, FormAnswers answers)
            throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        FormSubmission submission = form.submission(answers);
        Registration request = new Registration();
        request.setType(IQ.Type.set);
        request.setTo(roomJid);
        request.addExtension(SmackForms.toSubmitDataForm(form, submission));
        send(request, Attempt.of(Action.REGISTER, roomJid));
        return submission;
    }

    /**
     * Cancels our registration with {@code room}. On Prosody this removes our membership, and in a members-only
     * room that removes us from the room (status 321).
     */
    public void unregister(String room) throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        Registration request = new Registration(Map.of("remove", ""));
        request.setType(IQ.Type.set);
        request.setTo(roomJid);
        send(request, Attempt.of(Action.REGISTER, roomJid));
    }

    private IQ send(IQ request, Attempt attempt) throws ModerationException {
        try {
            return xmpp().sendIqRequestAndWaitForResponse(request);
        } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException
                | SmackException.NotConnectedException | InterruptedException e) {
            throw SmackErrors.translate(e, attempt);
        }
    }

    private static JoinedRoom joined(EntityBareJid room, Presence self) {
        MUCUser user = MUCUser.from(self);
        MUCItem item = user == null ? null : user.getItem();
        String nickname = self.getFrom().getResourceOrEmpty().toString();
        Role role = item == null || item.getRole() == null ? Role.NONE : Role.fromXmppName(item.getRole().name());
        Affiliation affiliation = item == null || item.getAffiliation() == null
                ? Affiliation.NONE : Affiliation.fromXmppName(item.getAffiliation().name());
        boolean created = user != null && user.getStatus().contains(MUCUser.Status.ROOM_CREATED_201);
        return new JoinedRoom(room.toString(), nickname, role, affiliation, created);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
