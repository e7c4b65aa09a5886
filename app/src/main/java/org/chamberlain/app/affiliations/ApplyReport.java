package org.chamberlain.app.affiliations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * The result of applying a change set: one {@link ItemResult} per change, in the order they were sent, and the
 * lists as re-fetched afterwards (to confirm). Immutable.
 *
 * @param room the room
 * @param items one result per change, in send order
 * @param after the lists fetched after applying, when that worked
 * @param refetchError why the lists could not be fetched afterwards (e.g. you demoted yourself)
 * @param auditFailure why the audit log could not record this, if it could not
 */
public record ApplyReport(String room, List<ItemResult> items, Optional<AffiliationLists> after,
        Optional<ModerationException> refetchError, Optional<ModerationException> auditFailure) {
    public ApplyReport {
        Objects.requireNonNull(room, "room");
        items = List.copyOf(items);
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(refetchError, "refetchError");
        Objects.requireNonNull(auditFailure, "auditFailure");
    }

    /** This report with the audit log's failure attached. */
    public ApplyReport withAuditFailure(Optional<ModerationException> failure) {
        return new ApplyReport(room, items, after, refetchError, failure);
    }

    /** Whether every change was applied (and, when re-fetched, seen). */
    public boolean isComplete() {
        return items.stream().allMatch(i -> i.outcome() == ItemResult.Outcome.APPLIED);
    }

    public List<ItemResult> with(ItemResult.Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).toList();
    }

    /**
     * The changes that would put back what this apply changed: every applied change reversed, made against the
     * re-fetched lists. Empty when the lists could not be re-fetched (then nobody knows what to put back).
     */
    public Optional<AffiliationChangeSet> undo() {
        if (after.isEmpty()) {
            return Optional.empty();
        }
        AffiliationChangeSet undo = AffiliationChangeSet.against(after.get());
        for (ItemResult item : with(ItemResult.Outcome.APPLIED)) {
            AffiliationChange change = item.change();
            undo = undo.set(change.jid(), change.from(), "undo" + change.reason().map(r -> ": " + r).orElse(""));
        }
        return Optional.of(undo);
    }

    /** A few lines for people: a headline, then one line per change that was not simply applied. */
    public String summary() {
        long applied = with(ItemResult.Outcome.APPLIED).size();
        List<String> lines = new ArrayList<>();
        if (isComplete()) {
            lines.add("Applied all " + items.size() + " change" + (items.size() == 1 ? "" : "s") + " to " + room
                    + ".");
        } else {
            lines.add("Partly applied: " + applied + " of " + items.size() + " changes to " + room + " took effect.");
        }
        for (ItemResult item : items) {
            lines.add("  " + item.describe());
        }
        refetchError.ifPresent(e -> lines.add("Could not re-read the lists to confirm: " + e.getMessage()));
        auditFailure.ifPresent(e -> lines.add("Warning: " + e.getMessage()));
        return String.join(System.lineSeparator(), lines);
    }
}
