package org.chamberlain.app.affiliations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pending edits of a room's affiliation lists, made against one snapshot: what the Members editor shows as
 * "pending changes" and what {@link AffiliationService#apply} sends.
 *
 * <p>Immutable: every edit returns a new set, so an editor can keep the previous one for "revert" and a preview
 * is always consistent. Edits are recorded as given and {@link #validate} says what is wrong with them (invalid
 * or full JIDs, duplicates, no-ops, the last owner removed, your own demotion); nothing is rejected while typing.
 * Valid JIDs are normalised (lower case) when added. Any thread.
 */
public final class AffiliationChangeSet {
    private final AffiliationLists base;
    private final List<AffiliationChange> changes;

    private AffiliationChangeSet(AffiliationLists base, List<AffiliationChange> changes) {
        this.base = Objects.requireNonNull(base, "base");
        this.changes = List.copyOf(changes);
    }

    /** An empty change set against this snapshot. */
    public static AffiliationChangeSet against(AffiliationLists current) {
        return new AffiliationChangeSet(current, List.of());
    }

    /** The snapshot the changes were made against. */
    public AffiliationLists base() {
        return base;
    }

    public List<AffiliationChange> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Gives {@code jid} the affiliation {@code to} (add to a list, or move it there from another list; {@code
     * NONE} removes it).
     */
    public AffiliationChangeSet set(String jid, Affiliation to, String reason) {
        String key = BareJids.normalise(jid).orElse(jid);
        List<AffiliationChange> next = new ArrayList<>(changes);
        next.add(new AffiliationChange(key, base.affiliationOf(key), to, Optional.ofNullable(reason)));
        return new AffiliationChangeSet(base, next);
    }

    /** Adds a JID to a list (a move if it is on another list). */
    public AffiliationChangeSet add(String jid, Affiliation list, String reason) {
        if (list == Affiliation.NONE) {
            throw new IllegalArgumentException("There is no list 'none'; use remove()");
        }
        return set(jid, list, reason);
    }

    /** Adds several JIDs (e.g. from {@link BareJids#splitPasted}) to one list with the same reason. */
    public AffiliationChangeSet addAll(List<String> jids, Affiliation list, String reason) {
        AffiliationChangeSet result = this;
        for (String jid : jids) {
            result = result.add(jid, list, reason);
        }
        return result;
    }

    /**
     * One edit of {@link #replaceAll}: give {@code jid} the affiliation {@code to} ({@code NONE} removes it),
     * with an optional reason.
     */
    public record Edit(String jid, Affiliation to, String reason) {
        public Edit {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * Applies edits in order as an editor does: each replaces every pending change of its JID, and an edit back
     * to the JID's affiliation in the snapshot only drops the pending change. The result equals {@code
     * withdraw(jid)} then {@code set(jid, to, reason)} edit by edit, but copies the list once for the whole
     * batch: edit by edit, pasting 1,000 JIDs made 1,000 copies of a growing list (quadratic; it stalled the
     * desktop app's UI thread for 0.4–0.7 s).
     */
    public AffiliationChangeSet replaceAll(List<Edit> edits) {
        Set<String> touched = new HashSet<>();
        Map<String, AffiliationChange> latest = new LinkedHashMap<>();
        for (Edit edit : edits) {
            String key = BareJids.normalise(edit.jid()).orElse(edit.jid());
            touched.add(key);
            // Removing first puts the JID at the end, where a withdraw-then-set would put it.
            latest.remove(key);
            Affiliation from = base.affiliationOf(key);
            if (from != edit.to()) {
                latest.put(key, new AffiliationChange(key, from, edit.to(), Optional.ofNullable(edit.reason())));
            }
        }
        List<AffiliationChange> next = new ArrayList<>(changes.size() + latest.size());
        for (AffiliationChange change : changes) {
            if (!touched.contains(change.jid())) {
                next.add(change);
            }
        }
        next.addAll(latest.values());
        return new AffiliationChangeSet(base, next);
    }

    /** Removes a JID from whatever list it is on. */
    public AffiliationChangeSet remove(String jid, String reason) {
        return set(jid, Affiliation.NONE, reason);
    }

    /** Moves a JID to another list. */
    public AffiliationChangeSet move(String jid, Affiliation to, String reason) {
        return set(jid, to, reason);
    }

    /** Drops every pending change of this JID ("undo" for one row). */
    public AffiliationChangeSet withdraw(String jid) {
        String key = BareJids.normalise(jid).orElse(jid);
        return new AffiliationChangeSet(base, changes.stream().filter(c -> !c.jid().equals(key)).toList());
    }

    /** The lists as they will be once every change is applied (later changes of a JID win). */
    public AffiliationLists preview() {
        Map<String, Affiliation> result = new LinkedHashMap<>();
        // One index instead of base.entry(jid) per JID: that scan made preview quadratic (7 s for 10,000).
        Map<String, AffiliatedJid> baseEntries = new java.util.HashMap<>();
        for (AffiliatedJid entry : base.all()) {
            result.put(entry.jid(), entry.affiliation());
            baseEntries.put(entry.jid(), entry);
        }
        for (AffiliationChange change : changes) {
            result.put(change.jid(), change.to());
        }
        Map<Affiliation, List<AffiliatedJid>> lists = new EnumMap<>(Affiliation.class);
        result.forEach((jid, affiliation) -> {
            if (affiliation != Affiliation.NONE) {
                AffiliatedJid entry = Optional.ofNullable(baseEntries.get(jid))
                        .filter(e -> e.affiliation() == affiliation)
                        .orElse(AffiliatedJid.of(jid, affiliation));
                lists.computeIfAbsent(affiliation, a -> new ArrayList<>()).add(entry);
            }
        });
        return new AffiliationLists(base.room(), lists, base.unreadable());
    }

    /**
     * Everything that stops these changes from being applied as they are.
     *
     * @param self your own bare JID (to spot self-demotion)
     * @param selfDemotionConfirmed whether the person confirmed lowering their own affiliation
     */
    public List<ChangeProblem> validate(String self, boolean selfDemotionConfirmed) {
        List<ChangeProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AffiliationChange change : changes) {
            Optional<ChangeProblem> jidProblem = BareJids.problem(change.jid());
            if (jidProblem.isPresent()) {
                problems.add(jidProblem.get());
                continue;
            }
            if (!seen.add(change.jid())) {
                problems.add(new ChangeProblem(change.jid(), ChangeProblem.Kind.DUPLICATE,
                        change.jid() + " is changed more than once; keep one change."));
                continue;
            }
            if (change.from() == change.to()) {
                String message = change.from() == Affiliation.NONE ? change.jid() + " is on no list already."
                        : change.jid() + " is already on the " + change.to().listName() + " list.";
                problems.add(new ChangeProblem(change.jid(), ChangeProblem.Kind.NO_CHANGE, message));
            }
        }
        if (base.isReadable(Affiliation.OWNER) && !base.of(Affiliation.OWNER).isEmpty()
                && preview().of(Affiliation.OWNER).isEmpty()) {
            problems.add(new ChangeProblem("", ChangeProblem.Kind.LAST_OWNER,
                    "The room would have no owner left; keep at least one owner."));
        }
        String me = BareJids.normalise(self).orElse(self);
        if (!selfDemotionConfirmed) {
            for (AffiliationChange change : changes) {
                if (change.jid().equals(me) && change.to().ordinal() > change.from().ordinal()) {
                    problems.add(new ChangeProblem(me, ChangeProblem.Kind.SELF_DEMOTION, "This would make you ("
                            + me + ") " + change.to().personName() + " instead of " + change.from().personName()
                            + "; you may lose the right to undo it. Confirm to go ahead."));
                }
            }
        }
        return problems;
    }

    /**
     * The order in which changes are sent: grants before revocations (so that a room never passes through a
     * state with fewer owners than needed), your own change last (after it you may lack the rights for the rest).
     */
    public List<AffiliationChange> applyOrder(String self) {
        String me = BareJids.normalise(self).orElse(self);
        List<AffiliationChange> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.<AffiliationChange>comparingInt(c -> c.jid().equals(me) ? 1 : 0)
                .thenComparingInt(c -> c.to().ordinal()));
        return ordered;
    }

    @Override
    public String toString() {
        return "AffiliationChangeSet" + changes;
    }
}
