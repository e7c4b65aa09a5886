package org.chamberlain.app.errors;

import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smackx.muc.MultiUserChatException;

/**
 * Translates Smack's exceptions into {@link ModerationException} with a sentence a person understands.
 *
 * <p>Stateless; any thread. Services call it at their boundary so that no Smack exception leaves app/.
 * An {@link InterruptedException} is translated too, and the calling thread's interrupt flag is set again.
 */
public final class SmackErrors {

    private SmackErrors() {
    }

    /** The exception to throw for {@code failure}, which happened during {@code attempt}. */
    public static ModerationException translate(Throwable failure, Attempt attempt) {
        if (failure instanceof ModerationException) {
            return (ModerationException) failure;
        }
        if (failure instanceof XMPPErrorException) {
            StanzaError error = ((XMPPErrorException) failure).getStanzaError();
            Condition condition = Condition.fromXmppName(error.getCondition().toString());
            String serverText = error.getDescriptiveText();
            return new ModerationException(condition, withServerText(sentence(condition, attempt), serverText),
                    serverText, failure);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ModerationException(Condition.LOCAL_FAILURE,
                    "Stopped before the server answered: could not " + what(attempt) + ".", null, failure);
        }
        if (failure instanceof SmackException.NoResponseException) {
            return new ModerationException(Condition.NO_RESPONSE,
                    "The server did not answer in time: could not " + what(attempt) + ".", null, failure);
        }
        if (failure instanceof SmackException.NotConnectedException) {
            return new ModerationException(Condition.NOT_CONNECTED,
                    "Not connected to the server: could not " + what(attempt) + ".", null, failure);
        }
        if (failure instanceof SASLErrorException) {
            return new ModerationException(Condition.AUTHENTICATION_FAILED, capitalized(describeServer(attempt))
                    + " refused the login: wrong password or unknown account.",
                    ((SASLErrorException) failure).getSASLFailure().getDescriptiveText(), failure);
        }
        if (failure instanceof SmackException.SecurityRequiredByClientException) {
            return new ModerationException(Condition.TLS_UNAVAILABLE, capitalized(describeServer(attempt))
                    + " does not offer an encrypted connection (TLS), and this account requires one. "
                    + "Allow plaintext only for a test server on your own machine.", null, failure);
        }
        if (failure instanceof SmackException.SecurityRequiredByServerException) {
            return new ModerationException(Condition.TLS_UNAVAILABLE, capitalized(describeServer(attempt))
                    + " requires an encrypted connection (TLS), which could not be set up.", null, failure);
        }
        if (failure instanceof SmackException.SmackCertificateException
                || failure instanceof CertificateException || failure instanceof SSLException) {
            return new ModerationException(Condition.CERTIFICATE_REJECTED, "The certificate of "
                    + describeServer(attempt) + " was not accepted: " + failure.getMessage(), null, failure);
        }
        if (failure instanceof SmackException.ConnectionException || failure instanceof IOException) {
            return new ModerationException(Condition.NOT_CONNECTED, "Could not reach " + describeServer(attempt)
                    + ": " + failure.getMessage(), null, failure);
        }
        if (failure instanceof MultiUserChatException.NotAMucServiceException) {
            return new ModerationException(Condition.ITEM_NOT_FOUND,
                    domainOf(attempt.room()) + " is not a group chat service.", null, failure);
        }
        if (failure instanceof MultiUserChatException.MucNotJoinedException) {
            return new ModerationException(Condition.INVALID_REQUEST,
                    "You are not in " + attempt.room() + ": could not " + what(attempt) + ".", null, failure);
        }
        if (failure instanceof MultiUserChatException.MucAlreadyJoinedException) {
            return new ModerationException(Condition.INVALID_REQUEST,
                    "You are already in " + attempt.room() + ".", null, failure);
        }
        return new ModerationException(Condition.LOCAL_FAILURE,
                "Could not " + what(attempt) + ": " + failure.getMessage(), null, failure);
    }

    /**
     * Translates a failure of {@code action}, a verb phrase such as "change the configuration of", on
     * {@code target} (usually the room address). Kept for callers written before {@link Attempt} existed;
     * prefer {@link #translate(Throwable, Attempt)} with a specific {@link Action}, which words refusals better
     * ("You are not an owner of room@…").
     */
    public static ModerationException translate(Exception failure, String action, String target) {
        return translate(failure, Attempt.custom(action, target));
    }

    /** The sentence for a server refusal with {@code condition}; public so other services word alike. */
    public static String sentence(Condition condition, Attempt attempt) {
        Action action = attempt.action();
        String room = attempt.room() == null ? "the room" : attempt.room();
        String target = attempt.target() == null ? "them" : attempt.target();
        switch (condition) {
            case FORBIDDEN:
                if (action == Action.JOIN) {
                    return "You are banned from " + room + ".";
                }
                if (action.ownerOnly() || action == Action.LIST_AFFILIATIONS) {
                    return "You are not an owner of " + room + ".";
                }
                return "You are not allowed to " + what(attempt) + ".";
            case NOT_ALLOWED:
                if (action == Action.CREATE || action == Action.JOIN) {
                    return "You may not create rooms on " + domainOf(room) + ".";
                }
                if (action == Action.INVITE) {
                    return room + " does not let you invite people.";
                }
                return "You are not allowed to " + what(attempt) + ".";
            case NOT_AUTHORIZED:
                if (action == Action.JOIN) {
                    return room + " needs a password, or the password given is wrong.";
                }
                return "You are not authorized to " + what(attempt) + ".";
            case REGISTRATION_REQUIRED:
                if (action == Action.REGISTER) {
                    return room + " lets only its members register, and you are not a member.";
                }
                return room + " is members-only, and you are not a member.";
            case CONFLICT:
                if (action == Action.JOIN || action == Action.CREATE || action == Action.CHANGE_NICKNAME) {
                    return "The nickname " + target + " is already taken in " + room + ".";
                }
                return "Could not " + what(attempt) + ": it conflicts with the room's current state.";
            case ITEM_NOT_FOUND:
                if (action == Action.JOIN) {
                    return room + " does not exist, or its creator has not finished setting it up yet.";
                }
                if (action.actsOnPerson()) {
                    return target + " is not in " + room + ".";
                }
                return room + " was not found.";
            case SERVICE_UNAVAILABLE:
                if (action == Action.JOIN) {
                    return room + " is full or not available at the moment.";
                }
                return domainOf(room) + " does not offer this: could not " + what(attempt) + ".";
            case NOT_ACCEPTABLE:
                if (action == Action.JOIN || action == Action.CHANGE_NICKNAME) {
                    return "Your nickname is not accepted in " + room + " (it may require your registered nickname).";
                }
                return "The server did not accept the request to " + what(attempt) + ".";
            case GONE:
                return room + " has been destroyed.";
            case FEATURE_NOT_IMPLEMENTED:
                return "The server does not support this: could not " + what(attempt) + ".";
            case JID_MALFORMED:
                return target + " is not a valid address.";
            case BAD_REQUEST:
                return "The server did not understand the request to " + what(attempt) + ".";
            case REMOTE_SERVER_NOT_FOUND:
            case REMOTE_SERVER_TIMEOUT:
                return "The server of " + room + " cannot be reached.";
            default:
                return "Could not " + what(attempt) + " (" + condition.xmppName() + ").";
        }
    }

    /** "kick Guest in room@…", "destroy room@…". */
    public static String what(Attempt attempt) {
        StringBuilder text = new StringBuilder(attempt.verbPhrase());
        if (attempt.action().actsOnPerson() && attempt.target() != null) {
            text.append(' ').append(attempt.target());
            if (attempt.room() != null) {
                text.append(" in ").append(attempt.room());
            }
        } else if (attempt.room() != null) {
            text.append(' ').append(attempt.room());
        }
        return text.toString();
    }

    private static String withServerText(String sentence, String serverText) {
        if (serverText == null || serverText.isBlank()) {
            return sentence;
        }
        return sentence + " The server says: \u201c" + serverText.strip() + "\u201d";
    }

    private static String describeServer(Attempt attempt) {
        return attempt.room() == null ? "the server" : "the server " + domainOf(attempt.room());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String domainOf(String address) {
        if (address == null) {
            return "the server";
        }
        int at = address.indexOf('@');
        String rest = at < 0 ? address : address.substring(at + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
