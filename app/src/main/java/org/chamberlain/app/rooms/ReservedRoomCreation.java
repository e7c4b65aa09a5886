package org.chamberlain.app.rooms;

import java.util.Objects;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.SmackErrors;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * A room we just created that stays locked until we {@link #submit} its configuration or {@link #cancel()}.
 * Returned by {@link RoomService#createReserved}. Present {@link #form()} to the person (the forms package
 * renders and validates it), then submit their answers.
 *
 * <p>Not thread-safe: one owner drives it, from a background thread (every action is a server round trip).
 */
public final class ReservedRoomCreation {
    private final MultiUserChat muc;
    private final RoomConfigurationService configuration;
    private FormDefinition form;
    private boolean finished;

    ReservedRoomCreation(XMPPConnection connection, MultiUserChat muc, ConfigurationAuditor auditor) {
        this.muc = Objects.requireNonNull(muc, "muc");
        this.configuration = new RoomConfigurationService(connection, auditor);
    }

    void fetchForm() throws ModerationException {
        form = configuration.fetch(room());
    }

    public String room() {
        return muc.getRoom().toString();
    }

    public String nickname() {
        return muc.getNickname().toString();
    }

    /** The room's configuration form as the server sent it, with its defaults as the initial answers. */
    public FormDefinition form() {
        return form;
    }

    /** Whether {@link #submit} or {@link #cancel()} has been done. */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Sends the configuration (what changed plus what is required); the room opens.
     *
     * @throws org.chamberlain.app.forms.FormValidationException when an answer is invalid (nothing is sent;
     *     the room stays locked and this handle stays usable)
     */
    public JoinedRoom submit(FormAnswers answers) throws ModerationException {
        requireOpen();
        configuration.submit(room(), form, answers);
        finished = true;
        return new JoinedRoom(room(), nickname(), Role.MODERATOR, Affiliation.OWNER, true);
    }

    /**
     * Gives up: cancels the configuration and destroys the still-locked room, so its name is free again.
     *
     * <p>Prosody 0.12 answers XEP-0045's {@code <x type='cancel'/>} with a plain result and keeps the room
     * locked (it is not destroyed), so we send the cancellation as the protocol asks and then destroy the room
     * explicitly.
     */
    public void cancel() throws ModerationException {
        requireOpen();
        MUCOwner cancel = new MUCOwner();
        cancel.setTo(muc.getRoom());
        cancel.setType(IQ.Type.set);
        cancel.addExtension(DataForm.builder(DataForm.Type.cancel).build());
        try {
            muc.getXmppConnection().sendIqRequestAndWaitForResponse(cancel);
            muc.destroy("Creation cancelled", null);
        } catch (Exception e) {
            throw SmackErrors.translate(e, Attempt.of(Action.DESTROY, room()));
        }
        finished = true;
    }

    /** After a failure during creation: best effort to not leave a locked room behind. */
    void cancelQuietly(ModerationException original) {
        try {
            cancel();
        } catch (ModerationException e) {
            original.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("The creation of " + room() + " is already finished");
        }
    }
}
