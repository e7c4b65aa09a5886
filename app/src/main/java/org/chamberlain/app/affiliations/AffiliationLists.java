package org.chamberlain.app.affiliations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of a room's four affiliation lists (owners, admins, members, banned). Immutable; any thread.
 *
 * <p>Not everyone may read every list: Prosody shows admins the admin, member and banned lists but refuses them the
 * owner list. Such lists are {@link #unreadable()} and empty here; an affiliation on them reads as
 * {@link Affiliation#NONE} (unknown), and checks that need them (the last owner) are left to the server.
 *
 * @param room the room's address
 * @param lists entries per affiliation; every one of {@link Affiliation#LISTS} is present, sorted by JID
 * @param unreadable the lists the server refused to show
 */
public record AffiliationLists(String room, Map<Affiliation, List<AffiliatedJid>> lists, Set<Affiliation> unreadable) {
    public AffiliationLists(String room, Map<Affiliation, List<AffiliatedJid>> lists) {
        this(room, lists, Set.of());
    }

    public AffiliationLists {
        Objects.requireNonNull(room, "room");
        unreadable = unreadable.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unreadable));
        Map<Affiliation, List<AffiliatedJid>> copy = new EnumMap<>(Affiliation.class);
        for (Affiliation affiliation : Affiliation.LISTS) {
            List<AffiliatedJid> entries = new ArrayList<>(lists.getOrDefault(affiliation, List.of()));
            entries.sort(Comparator.comparing(AffiliatedJid::jid));
            copy.put(affiliation, List.copyOf(entries));
        }
        lists = Collections.unmodifiableMap(copy);
    }

    public static AffiliationLists empty(String room) {
        return new AffiliationLists(room, Map.of());
    }

    /** Builds a snapshot from JIDs per list (tests, previews). */
    public static AffiliationLists of(String room, Map<Affiliation, List<String>> jids) {
        Map<Affiliation, List<AffiliatedJid>> lists = new EnumMap<>(Affiliation.class);
        jids.forEach((affiliation, list) -> lists.put(affiliation,
                list.stream().map(jid -> AffiliatedJid.of(jid, affiliation)).toList()));
        return new AffiliationLists(room, lists);
    }

    /** The entries of one list ({@link Affiliation#NONE} has no list: empty). */
    public List<AffiliatedJid> of(Affiliation affiliation) {
        return lists.getOrDefault(affiliation, List.of());
    }

    /** The JIDs of one list. */
    public List<String> jids(Affiliation affiliation) {
        return of(affiliation).stream().map(AffiliatedJid::jid).toList();
    }

    public Optional<AffiliatedJid> entry(String jid) {
        return lists.values().stream().flatMap(List::stream).filter(e -> e.jid().equals(jid)).findFirst();
    }

    /** The JID's affiliation in this snapshot, {@link Affiliation#NONE} when it is on no list. */
    public Affiliation affiliationOf(String jid) {
        return entry(jid).map(AffiliatedJid::affiliation).orElse(Affiliation.NONE);
    }

    /** Whether this list could be read (false for lists the server refused to show). */
    public boolean isReadable(Affiliation affiliation) {
        return !unreadable.contains(affiliation);
    }

    /** Every entry, owners first. */
    public List<AffiliatedJid> all() {
        return lists.values().stream().flatMap(List::stream).toList();
    }
}
