package org.chamberlain.app.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.errors.SmackErrors;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Reads and changes a room's configuration (XEP-0045 §10.2, {@code muc#owner}) through our form model.
 *
 * <p>Every method blocks on a server round trip: call it from a background thread, never from the UI thread
 * or from inside a Smack listener. The service holds no state besides the connection and may be shared.
 */
public final class RoomConfigurationService {
    /** The FORM_TYPE of room configuration forms. */
    public static final String ROOM_CONFIG_FORM_TYPE = "http://jabber.org/protocol/muc#roomconfig";

    private final XMPPConnection connection;
    private final ConfigurationAuditor auditor;

    /**
     * @param connection a logged-in connection
     * @param auditor told about every submission the server answered (the audit log)
     */
    public RoomConfigurationService(XMPPConnection connection, ConfigurationAuditor auditor) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    /** The room's configuration form with its current settings (owners only). */
    public FormDefinition fetch(String room) throws ModerationException {
        EntityBareJid roomJid = roomJid(room);
        MUCOwner request = new MUCOwner();
        request.setTo(roomJid);
        request.setType(IQ.Type.get);
        IQ answer = send(request, Attempt.of(Attempt.Action.CONFIGURE, room));
        DataForm form = DataForm.from(answer, ROOM_CONFIG_FORM_TYPE);
        if (form == null) {
            form = DataForm.from(answer);
        }
        if (form == null) {
            throw new ModerationException(Condition.BAD_REQUEST, "The server answered without a configuration form "
                    + "for " + room + ".");
        }
        return SmackForms.fromDataForm(form);
    }

    /**
     * Validates the answers and sends what changed plus what is required (see {@link FormDefinition#submission}).
     *
     * @return the submission that the server accepted, and which changed values it did not keep as sent (the form
     *     is read again to find out; if that read fails the result has no confirmation, the submit still counts)
     * @throws FormValidationException when an answer is invalid (nothing is sent)
     * @throws ModerationException when the server refuses the configuration (the refusal is audited too)
     */
    public ConfigurationResult submit(String room, FormDefinition form, FormAnswers answers)
            throws ModerationException {
        EntityBareJid roomJid = roomJid(room);
        FormSubmission submission = form.submission(answers);
        MUCOwner request = new MUCOwner();
        request.setTo(roomJid);
        request.setType(IQ.Type.set);
        request.addExtension(SmackForms.toSubmitDataForm(form, submission));
        String account = connection.getUser() == null ? "" : connection.getUser().asBareJid().toString();
        try {
            send(request, Attempt.of(Attempt.Action.CONFIGURE, room));
        } catch (ModerationException refusal) {
            auditor.submitted(account, room, submission, Optional.of(refusal)).ifPresent(refusal::addSuppressed);
            throw refusal;
        }
        Optional<ModerationException> auditFailure = auditor.submitted(account, room, submission, Optional.empty());
        // Read the form again: servers may accept a value and keep another (a clamped number, say).
        Optional<FormDefinition> after;
        Optional<ModerationException> confirmationFailure = Optional.empty();
        try {
            after = Optional.of(fetch(room));
        } catch (ModerationException e) {
            after = Optional.empty();
            confirmationFailure = Optional.of(e);
        }
        List<FieldChange> notTaken = new ArrayList<>();
        if (after.isPresent()) {
            for (FieldChange change : submission.changes()) {
                Optional<FieldDefinition> now = after.get().field(change.var());
                if (now.isPresent() && !FormValues.canonical(change.type(), now.get().values())
                        .equals(FormValues.canonical(change.type(), change.after()))
                        && change.type() != FieldType.TEXT_PRIVATE) {
                    notTaken.add(new FieldChange(change.var(), change.label(), change.type(), change.after(),
                            now.get().values()));
                }
            }
        }
        return new ConfigurationResult(submission, notTaken, after, confirmationFailure, auditFailure);
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

    static EntityBareJid roomJid(String room) throws ModerationException {
        try {
            return JidCreate.entityBareFrom(room);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ModerationException(Condition.JID_MALFORMED, "'" + room + "' is not a room address "
                    + "(expected name@service).", null, e);
        }
    }
}
