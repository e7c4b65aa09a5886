package org.chamberlain.app.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.chamberlain.app.affiliations.AffiliationAuditor;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FieldChange;
import org.chamberlain.app.forms.FieldType;

/**
 * Turns the results of moderation services into audit entries and appends them to an {@link AuditLog}.
 *
 * <p>Give {@link #affiliations()} to {@code AffiliationService} and {@link #configuration()} to {@code
 * RoomConfigurationService}; actions without a service of ours (kick, ban by nick, destroy, invite) call
 * {@link #record} directly. A failure to write is returned, never thrown past an action that already happened.
 * Same threading as {@link AuditLog#append}.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final Clock clock;
    private final String actor;

    /**
     * @param log where entries go
     * @param clock the time source (tests pass a fixed clock)
     * @param actor who runs Chamberlain, normally {@link #currentActor()}
     */
    public AuditTrail(AuditLog log, Clock clock, String actor) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** An audit trail into this log, stamped with the system clock and the operating-system user. */
    public static AuditTrail to(AuditLog log) {
        return new AuditTrail(log, Clock.systemUTC(), currentActor());
    }

    /** The operating-system user running this process. */
    public static String currentActor() {
        return System.getProperty("user.name", "unknown");
    }

    public AuditLog log() {
        return log;
    }

    /** Appends one entry; returns why it could not be written, if it could not. */
    public Optional<ModerationException> record(String account, String room, String action, Optional<String> reason,
            List<AuditEntry.Item> items) {
        AuditEntry entry = new AuditEntry(clock.instant(), actor, account, room, action, reason, items);
        try {
            log.append(entry);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new ModerationException(Condition.LOCAL_FAILURE, "The action was carried out, but "
                    + "the audit log " + log.file() + " could not record it: " + e.getMessage(), null, e));
        }
    }

    /** Records a single-target action (kick, voice, ban, destroy …) that succeeded or was refused. */
    public Optional<ModerationException> recordAction(String account, String room, String action, String target,
            Optional<String> reason, Optional<ModerationException> refusal) {
        AuditEntry.Item item = refusal.map(e -> new AuditEntry.Item(target, action, reason, AuditEntry.Result.REFUSED,
                Optional.of(e.condition().xmppName()), Optional.of(e.getMessage())))
                .orElse(AuditEntry.Item.applied(target, action, reason));
        return record(account, room, action, reason, List.of(item));
    }

    /**
     * For services that report through {@link ActionJournal} (occupants, invitations, destruction): one entry per
     * action. The journal must not throw, so a failure to write goes to {@code onFailure} (on the acting thread).
     */
    public ActionJournal journal(Consumer<ModerationException> onFailure) {
        Objects.requireNonNull(onFailure, "onFailure");
        return action -> {
            AuditEntry.Item item = new AuditEntry.Item(action.target(), action.action(), action.reason(),
                    action.succeeded() ? AuditEntry.Result.APPLIED : AuditEntry.Result.REFUSED, action.condition(),
                    action.error());
            AuditEntry entry = new AuditEntry(action.at(), actor, action.account(), action.room(), action.action(),
                    action.reason(), List.of(item));
            try {
                log.append(entry);
            } catch (IOException e) {
                onFailure.accept(new ModerationException(Condition.LOCAL_FAILURE, "The action was carried out, but "
                        + "the audit log " + log.file() + " could not record it: " + e.getMessage(), null, e));
            }
        };
    }

    /** For {@code AffiliationService}: one item per change, with its outcome. */
    public AffiliationAuditor affiliations() {
        return (account, report) -> {
            List<AuditEntry.Item> items = new ArrayList<>();
            for (ItemResult result : report.items()) {
                String change = result.change().from().xmppName() + " → " + result.change().to().xmppName();
                items.add(new AuditEntry.Item(result.change().jid(), change, result.change().reason(),
                        result(result.outcome()), result.error().map(e -> e.condition().xmppName()),
                        result.error().map(Exception::getMessage)));
            }
            return record(account, report.room(), "affiliations", Optional.empty(), items);
        };
    }

    /** For {@code RoomConfigurationService}: one item per changed field (private values are not written). */
    public ConfigurationAuditor configuration() {
        return (account, room, submission, refusal) -> {
            List<AuditEntry.Item> items = new ArrayList<>();
            for (FieldChange change : submission.changes()) {
                String what = change.type() == FieldType.TEXT_PRIVATE ? "changed"
                        : show(change.before()) + " → " + show(change.after());
                items.add(new AuditEntry.Item(change.var(), what, Optional.empty(),
                        refusal.isPresent() ? AuditEntry.Result.REFUSED : AuditEntry.Result.APPLIED,
                        refusal.map(e -> e.condition().xmppName()), refusal.map(Exception::getMessage)));
            }
            return record(account, room, "configuration", Optional.empty(), items);
        };
    }

    private static AuditEntry.Result result(ItemResult.Outcome outcome) {
        switch (outcome) {
            case APPLIED:
                return AuditEntry.Result.APPLIED;
            case IGNORED:
                return AuditEntry.Result.IGNORED;
            case REFUSED:
                return AuditEntry.Result.REFUSED;
            default:
                return AuditEntry.Result.NOT_ATTEMPTED;
        }
    }

    private static String show(List<String> values) {
        return values.size() == 1 ? values.get(0) : values.toString();
    }
}
