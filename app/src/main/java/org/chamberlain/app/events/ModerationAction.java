package org.chamberlain.app.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * A moderation action that was applied or refused, for the audit log. One record per target.
 *
 * @param at when the server answered (or the attempt failed)
 * @param account the acting account's bare JID
 * @param room the room (or the MUC service for admin actions)
 * @param action what was done: "kick", "voice", "devoice", "moderator", "demoderate", "ban", "invite",
 *     "invite-direct", "membership", "destroy", "admin-destroy"
 * @param target the nickname or JID acted on, or the room for destruction
 * @param reason the reason given, if any
 * @param error the sentence shown to the person when it failed; empty when it succeeded
 * @param condition the XMPP error condition (or our own, e.g. {@code not-connected}) when it failed
 */
public record ModerationAction(Instant at, String account, String room, String action, String target,
        Optional<String> reason, Optional<String> error, Optional<String> condition) {

    /** The record of an action that was applied ({@code refusal == null}) or refused. */
    public static ModerationAction of(Instant at, String account, String room, String action, String target,
            Optional<String> reason, ModerationException refusal) {
        return new ModerationAction(at, account, room, action, target, reason.filter(r -> !r.isBlank()),
                Optional.ofNullable(refusal).map(ModerationException::getMessage),
                Optional.ofNullable(refusal).map(e -> e.condition().xmppName()));
    }

    public ModerationAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(condition, "condition");
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
