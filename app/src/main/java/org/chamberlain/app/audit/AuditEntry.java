package org.chamberlain.app.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One moderation action as the audit log keeps it: one JSON line.
 *
 * @param time when the action finished
 * @param actor who ran Chamberlain (the operating-system user)
 * @param account the XMPP account (bare JID) that acted
 * @param room the room's address
 * @param action what was done: {@code affiliations}, {@code configuration}, {@code kick}, {@code ban}, …
 * @param reason the reason given for the whole action, if any
 * @param items one result per target (a changed field, a JID whose affiliation changed, a kicked nick …)
 */
public record AuditEntry(Instant time, String actor, String account, String room, String action,
        Optional<String> reason, List<Item> items) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        items = List.copyOf(items);
    }

    /** Whether every item succeeded. */
    public boolean succeeded() {
        return items.stream().allMatch(i -> i.result() == Result.APPLIED);
    }

    /**
     * The result for one target.
     *
     * @param target who or what was acted on (a JID, a nickname, a field name)
     * @param change what was done to it, in words ("member → admin", "'Old' → 'New'")
     * @param reason the reason for this item, if any
     * @param result what happened
     * @param condition the XMPP error condition when refused
     * @param message the sentence shown to the person when it failed
     */
    public record Item(String target, String change, Optional<String> reason, Result result,
            Optional<String> condition, Optional<String> message) {
        public Item {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(message, "message");
        }

        public static Item applied(String target, String change, Optional<String> reason) {
            return new Item(target, change, reason, Result.APPLIED, Optional.empty(), Optional.empty());
        }
    }

    /** What happened to one item. */
    public enum Result {
        APPLIED("applied"),
        /** The server said yes but nothing changed. */
        IGNORED("ignored"),
        REFUSED("refused"),
        NOT_ATTEMPTED("not-attempted");

        private final String jsonName;

        Result(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Result fromJsonName(String name) {
            for (Result r : values()) {
                if (r.jsonName.equals(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown result '" + name + "'");
        }
    }
}
