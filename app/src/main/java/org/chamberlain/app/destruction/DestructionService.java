package org.chamberlain.app.destruction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.errors.SmackErrors;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.ModerationAction;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.SubmitForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * Destroys rooms and reports each destruction to the {@link ActionJournal}. Thread-safe (stateless); every
 * method blocks on server round trips, so call from a background thread.
 */
public final class DestructionService {
    /** Prosody's ad-hoc command for server administrators on the MUC service. */
    public static final String ADMIN_DESTROY_NODE = "http://prosody.im/protocol/muc#destroy";

    private final AccountConnection connection;
    private final ActionJournal journal;
    private final Clock clock = Clock.systemUTC();

    public DestructionService(AccountConnection connection, ActionJournal journal) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Destroys {@code room} as its owner. Occupants are told the reason and, when given, the room to go to
     * instead. Works whether or not we are in the room.
     */
    public void destroy(String room, Optional<String> reason, Optional<String> alternateVenue)
            throws ModerationException {
        EntityBareJid roomJid = Addresses.room(room);
        EntityBareJid alternate = alternateVenue.isPresent() ? Addresses.room(alternateVenue.get()) : null;
        try {
            MultiUserChatManager.getInstanceFor(connection.xmppConnection()).getMultiUserChat(roomJid)
                    .destroy(reason.filter(r -> !r.isBlank()).orElse(null), alternate);
            record(roomJid.toString(), "destroy", roomJid.toString(), reason, null);
        } catch (Exception e) {
            ModerationException refusal = SmackErrors.translate(e, Attempt.of(Action.DESTROY, roomJid));
            record(roomJid.toString(), "destroy", roomJid.toString(), reason, refusal);
            throw refusal;
        }
    }

    /**
     * Whether {@code service} offers us its room-destruction command; Prosody lists it only to server
     * administrators.
     */
    public boolean adminDestroyOffered(String service) throws ModerationException {
        DomainBareJid serviceJid = Addresses.service(service);
        try {
            DiscoverItems commands = AdHocCommandManager.getInstance(connection.xmppConnection())
                    .discoverCommands(serviceJid);
            return commands.getItems().stream().anyMatch(item -> ADMIN_DESTROY_NODE.equals(item.getNode()));
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.DISCOVER, serviceJid));
        }
    }

    /**
     * Every room of {@code service} as its administrator command lists them, hidden (non-public) rooms too,
     * which disco#items leaves out. Starts the command, reads the room list of its form and cancels it.
     *
     * @throws ModerationException {@link Condition#FORBIDDEN} when the service does not offer us the command
     */
    public List<String> roomsAsAdmin(String service) throws ModerationException {
        DomainBareJid serviceJid = Addresses.service(service);
        if (!adminDestroyOffered(service)) {
            throw notAdmin(serviceJid);
        }
        try {
            AdHocCommand command = AdHocCommandManager.getInstance(connection.xmppConnection())
                    .getRemoteCommand(serviceJid, ADMIN_DESTROY_NODE);
            AdHocCommandResult first = command.execute();
            DataForm form = first.getResponse().getForm();
            List<String> rooms = new ArrayList<>();
            FormField field = form == null ? null : form.getField("rooms");
            if (field instanceof org.jivesoftware.smackx.xdata.FormFieldWithOptions withOptions) {
                // Prosody 0.12 (util/dataforms.lua) turns the list of rooms given as the field's value into its
                // <option/>s, with nothing selected.
                withOptions.getOptions().forEach(option -> rooms.add(option.getValueString()));
            }
            if (field != null) {
                field.getValues().forEach(value -> rooms.add(value.toString()));
            }
            if (!first.isCompleted()) {
                try {
                    command.cancel();
                } catch (IllegalArgumentException cancelledAnswer) {
                    // Smack 4.5.0-rc1: AdHocCommandResult.from() knows only "executing" and "completed", so
                    // Prosody's correct answer to a cancel (status='canceled') throws here. The session is closed
                    // on the server all the same; nothing is lost.
                    return rooms.stream().distinct().sorted().toList();
                }
            }
            return rooms.stream().distinct().sorted().toList();
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.DISCOVER, serviceJid));
        }
    }

    private static ModerationException notAdmin(DomainBareJid serviceJid) {
        return new ModerationException(Condition.FORBIDDEN, "You are not an administrator of " + serviceJid
                + ": it does not offer you its room-destruction command.");
    }

    /**
     * Destroys {@code rooms} on {@code service} through the administrator command. Prosody's command takes no
     * reason and no alternate venue (occupants see a destruction without either); the reason is still kept in
     * the journal.
     *
     * @return the rooms the service reported as destroyed
     * @throws ModerationException {@link Condition#FORBIDDEN} when the service does not offer us the command
     */
    public List<String> destroyAsAdmin(String service, List<String> rooms, Optional<String> reason)
            throws ModerationException {
        DomainBareJid serviceJid = Addresses.service(service);
        Set<String> wanted = new LinkedHashSet<>();
        for (String room : rooms) {
            wanted.add(Addresses.room(room).toString());
        }
        if (!adminDestroyOffered(service)) {
            ModerationException refusal = notAdmin(serviceJid);
            wanted.forEach(room -> record(serviceJid.toString(), "admin-destroy", room, reason, refusal));
            throw refusal;
        }
        List<String> destroyed = new ArrayList<>();
        try {
            AdHocCommand command = AdHocCommandManager.getInstance(connection.xmppConnection())
                    .getRemoteCommand(serviceJid, ADMIN_DESTROY_NODE);
            AdHocCommandResult first = command.execute();
            if (first.isCompleted()) {
                throw new ModerationException(Condition.UNEXPECTED_REQUEST, serviceJid
                        + " finished the room-destruction command without asking which rooms to destroy.");
            }
            // Prosody lists every room as an option of the list-multi field "rooms" (none selected), so we answer
            // with a form of our own rather than "filling in" Smack's view of it.
            DataForm answer = DataForm.builder(DataForm.Type.submit)
                    .setFormType(ADMIN_DESTROY_NODE)
                    .addField(FormField.listMultiBuilder("rooms").addValues(wanted).build())
                    .build();
            AdHocCommandResult done = command.complete(new SubmitForm(answer));
            for (AdHocCommandNote note : done.getResponse().getNotes()) {
                if (note.getType() == AdHocCommandNote.Type.error) {
                    throw new ModerationException(Condition.BAD_REQUEST, serviceJid + " refused: " + note.getValue());
                }
                for (String line : note.getValue().split("\n")) {
                    if (wanted.contains(line.strip())) {
                        destroyed.add(line.strip());
                    }
                }
            }
        } catch (Exception e) {
            ModerationException refusal = SmackErrors.translate(e, Attempt.of(Action.ADMIN_DESTROY, serviceJid));
            wanted.forEach(room -> record(serviceJid.toString(), "admin-destroy", room, reason, refusal));
            throw refusal;
        }
        for (String room : wanted) {
            record(serviceJid.toString(), "admin-destroy", room, reason, destroyed.contains(room) ? null
                    : new ModerationException(Condition.ITEM_NOT_FOUND, serviceJid + " did not report " + room
                    + " as destroyed (it may not exist)."));
        }
        return List.copyOf(destroyed);
    }

    private void record(String room, String action, String target, Optional<String> reason,
            ModerationException error) {
        journal.record(ModerationAction.of(clock.instant(), connection.accountJid(), room, action, target, reason,
                error));
    }
}
