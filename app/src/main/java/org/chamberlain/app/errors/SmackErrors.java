package org.chamberlain.app.errors;

import org.chamberlain.app.errors.ModerationException.Condition;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * Turns Smack's exceptions into {@link ModerationException}s with a sentence a person understands.
 *
 * <p>Small on purpose: the forms, affiliations and audit work needed it before the accounts/rooms work landed
 * its own translation; if a richer translator arrives, this one should delegate to it. Any thread.
 */
public final class SmackErrors {
    private SmackErrors() {
    }

    /**
     * Translates a failure of {@code action} (a phrase such as "change the configuration of") on {@code target}
     * (usually the room address). {@link InterruptedException} is not handled here: callers restore the
     * interrupt flag themselves.
     */
    public static ModerationException translate(Exception failure, String action, String target) {
        if (failure instanceof ModerationException moderation) {
            return moderation;
        }
        if (failure instanceof XMPPException.XMPPErrorException errorException) {
            StanzaError error = errorException.getStanzaError();
            Condition condition = Condition.fromXmppName(error.getCondition().toString());
            String serverText = error.getDescriptiveText();
            return new ModerationException(condition, sentence(condition, action, target, serverText), serverText,
                    failure);
        }
        if (failure instanceof SmackException.NoResponseException) {
            return new ModerationException(Condition.NO_RESPONSE, "The server did not answer in time when trying to "
                    + action + " " + target + ".", null, failure);
        }
        if (failure instanceof SmackException.NotConnectedException) {
            return new ModerationException(Condition.NOT_CONNECTED, "Not connected: could not " + action + " "
                    + target + ".", null, failure);
        }
        return new ModerationException(Condition.LOCAL_FAILURE, "Could not " + action + " " + target + ": "
                + failure.getMessage(), null, failure);
    }

    private static String sentence(Condition condition, String action, String target, String serverText) {
        String base;
        switch (condition) {
            case FORBIDDEN:
                base = "You are not allowed to " + action + " " + target + ".";
                break;
            case NOT_ALLOWED:
                base = "The server does not allow you to " + action + " " + target + ".";
                break;
            case ITEM_NOT_FOUND:
                base = target + " does not exist (or is still locked by its creator).";
                break;
            case NOT_AUTHORIZED:
                base = "You need a password or other authorisation to " + action + " " + target + ".";
                break;
            case REGISTRATION_REQUIRED:
                base = target + " is members-only and you are not a member.";
                break;
            case CONFLICT:
                base = "Could not " + action + " " + target + ": it conflicts with the current state.";
                break;
            case BAD_REQUEST:
            case NOT_ACCEPTABLE:
                base = "The server rejected the request to " + action + " " + target + " as invalid.";
                break;
            case SERVICE_UNAVAILABLE:
            case FEATURE_NOT_IMPLEMENTED:
                base = "The server does not offer a way to " + action + " " + target + ".";
                break;
            case JID_MALFORMED:
                base = "The address is not valid (while trying to " + action + " " + target + ").";
                break;
            case GONE:
                base = target + " no longer exists.";
                break;
            default:
                base = "Could not " + action + " " + target + " (" + condition.xmppName() + ").";
                break;
        }
        return serverText == null || serverText.isBlank() ? base : base + " The server said: " + serverText;
    }
}
