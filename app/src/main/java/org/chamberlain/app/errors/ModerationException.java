package org.chamberlain.app.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * An action the server refused or that could not be carried out, in terms a person understands.
 *
 * <p>{@link #getMessage()} is the sentence to show ("You are not an owner of room@conference.example.org.");
 * {@link #condition()} is the XMPP error condition when the server sent one, and {@link #serverText()} the
 * server's own explanation, if any. Services throw this type only; Smack's exceptions never leave app/.
 */
public class ModerationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Condition condition;
    private final String serverText;

    public ModerationException(Condition condition, String message, String serverText, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.condition = Objects.requireNonNull(condition, "condition");
        this.serverText = serverText;
    }

    public ModerationException(Condition condition, String message) {
        this(condition, message, null, null);
    }

    public Condition condition() {
        return condition;
    }

    /** The server's {@code <text/>}, when it gave one. */
    public Optional<String> serverText() {
        return Optional.ofNullable(serverText);
    }

    /**
     * What went wrong, as XMPP stanza error conditions (RFC 6120 §8.3.3) plus the failures that happen
     * before or without a server answer.
     */
    public enum Condition {
        BAD_REQUEST("bad-request"),
        CONFLICT("conflict"),
        FEATURE_NOT_IMPLEMENTED("feature-not-implemented"),
        FORBIDDEN("forbidden"),
        GONE("gone"),
        INTERNAL_SERVER_ERROR("internal-server-error"),
        ITEM_NOT_FOUND("item-not-found"),
        JID_MALFORMED("jid-malformed"),
        NOT_ACCEPTABLE("not-acceptable"),
        NOT_ALLOWED("not-allowed"),
        NOT_AUTHORIZED("not-authorized"),
        POLICY_VIOLATION("policy-violation"),
        RECIPIENT_UNAVAILABLE("recipient-unavailable"),
        REDIRECT("redirect"),
        REGISTRATION_REQUIRED("registration-required"),
        REMOTE_SERVER_NOT_FOUND("remote-server-not-found"),
        REMOTE_SERVER_TIMEOUT("remote-server-timeout"),
        RESOURCE_CONSTRAINT("resource-constraint"),
        SERVICE_UNAVAILABLE("service-unavailable"),
        SUBSCRIPTION_REQUIRED("subscription-required"),
        UNDEFINED_CONDITION("undefined-condition"),
        UNEXPECTED_REQUEST("unexpected-request"),
        /** The server did not answer in time. */
        NO_RESPONSE("no-response"),
        /** Not connected, or the connection dropped during the action. */
        NOT_CONNECTED("not-connected"),
        /** Login refused (wrong password, unknown account). */
        AUTHENTICATION_FAILED("authentication-failed"),
        /** The server's certificate was not accepted; the person has to decide. */
        CERTIFICATE_REJECTED("certificate-rejected"),
        /** The account requires TLS and the server offers none (or the reverse: the server requires it). */
        TLS_UNAVAILABLE("tls-unavailable"),
        /** Refused locally before anything was sent (e.g. removing the last owner). */
        INVALID_REQUEST("invalid-request"),
        /** Anything else: the cause says more. */
        LOCAL_FAILURE("local-failure");

        private final String xmppName;

        Condition(String xmppName) {
            this.xmppName = xmppName;
        }

        public String xmppName() {
            return xmppName;
        }

        /** The condition for an XMPP element name, {@link #UNDEFINED_CONDITION} when it is unknown. */
        public static Condition fromXmppName(String name) {
            for (Condition c : values()) {
                if (c.xmppName.equals(name)) {
                    return c;
                }
            }
            return UNDEFINED_CONDITION;
        }
    }
}
