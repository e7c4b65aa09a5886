package org.chamberlain.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;

/** The sentences people read; pure, no server. */
class SmackErrorsTest {
    private static final String ROOM = "lounge@conference.example.org";

    private static ModerationException refusal(StanzaError.Condition condition, String text, Attempt attempt) {
        StanzaError.Builder error = StanzaError.getBuilder(condition);
        if (text != null) {
            error.setDescriptiveEnText(text);
        }
        return SmackErrors.translate(new XMPPErrorException(null, error.build()), attempt);
    }

    @Test
    void serverRefusalsBecomeSentencesWithTheConditionAndTheServersText() {
        ModerationException banned = refusal(StanzaError.Condition.forbidden, null, Attempt.of(Action.JOIN, ROOM));
        assertThat(banned.condition()).isEqualTo(Condition.FORBIDDEN);
        assertThat(banned.getMessage()).isEqualTo("You are banned from " + ROOM + ".");

        ModerationException notOwner = refusal(StanzaError.Condition.forbidden, "Owner privileges required",
                Attempt.of(Action.DESTROY, ROOM));
        assertThat(notOwner.getMessage()).startsWith("You are not an owner of " + ROOM + ".")
                .contains("Owner privileges required");
        assertThat(notOwner.serverText()).contains("Owner privileges required");

        assertThat(refusal(StanzaError.Condition.not_allowed, null, Attempt.of(Action.KICK, ROOM, "Owner"))
                .getMessage()).isEqualTo("You are not allowed to kick Owner in " + ROOM + ".");
        assertThat(refusal(StanzaError.Condition.conflict, null, Attempt.of(Action.JOIN, ROOM, "Nick"))
                .getMessage()).isEqualTo("The nickname Nick is already taken in " + ROOM + ".");
        assertThat(refusal(StanzaError.Condition.item_not_found, null, Attempt.of(Action.KICK, ROOM, "Ghost"))
                .getMessage()).isEqualTo("Ghost is not in " + ROOM + ".");
        assertThat(refusal(StanzaError.Condition.registration_required, null, Attempt.of(Action.JOIN, ROOM))
                .condition()).isEqualTo(Condition.REGISTRATION_REQUIRED);
    }

    @Test
    void failuresWithoutAnAnswerSayWhatCouldNotBeDone() {
        ModerationException notConnected = SmackErrors.translate(
                new SmackException.NotConnectedException(), Attempt.of(Action.BAN, ROOM, "troll@example.org"));
        assertThat(notConnected.condition()).isEqualTo(Condition.NOT_CONNECTED);
        assertThat(notConnected.getMessage())
                .isEqualTo("Not connected to the server: could not ban troll@example.org in " + ROOM + ".");

        ModerationException tls = SmackErrors.translate(new SmackException.SecurityRequiredByClientException(),
                Attempt.of(Action.CONNECT, "example.org"));
        assertThat(tls.condition()).isEqualTo(Condition.TLS_UNAVAILABLE);
        assertThat(tls.getMessage()).startsWith("The server example.org does not offer an encrypted connection");
    }

    @Test
    void interruptionKeepsTheInterruptFlag() {
        ModerationException stopped = SmackErrors.translate(new InterruptedException(),
                Attempt.of(Action.JOIN, ROOM));
        assertThat(Thread.interrupted()).isTrue();
        assertThat(stopped.condition()).isEqualTo(Condition.LOCAL_FAILURE);
    }

    @Test
    void olderPhraseOverloadStillWorks() {
        ModerationException e = SmackErrors.translate(new XMPPErrorException(null,
                StanzaError.getBuilder(StanzaError.Condition.forbidden).build()), "change the configuration of", ROOM);
        assertThat(e.getMessage()).isEqualTo("You are not allowed to change the configuration of " + ROOM + ".");
    }
}
