package org.chamberlain.views.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the sidebar shows: accounts → MUC services → rooms, filtered. Pure data and logic, so filtering is
 * tested without a toolkit and can run off the UI thread for large room lists.
 */
public final class SidebarTree {

    private SidebarTree() {
    }

    /** Where a room in the sidebar comes from. */
    public enum RoomSource { JOINED, REMEMBERED, DISCOVERED, LEFT }

    /** A room under a service. */
    public record Room(String jid, String name, RoomSource source) {
        /** The name if the service gave one, else the JID's local part. */
        public String label() {
            if (name != null && !name.isBlank()) {
                return name;
            }
            int at = jid.indexOf('@');
            return at > 0 ? jid.substring(0, at) : jid;
        }
    }

    /** A MUC service of an account with its rooms. */
    public record Service(String jid, List<Room> rooms) {
        public Service {
            rooms = List.copyOf(rooms);
        }
    }

    /** An account with its state and services. */
    public record Account(String jid, ConnectionState state, boolean active, List<Service> services) {
        public Account {
            services = List.copyOf(services);
        }
    }

    /**
     * The accounts with only the rooms whose name or JID contains {@code filter} (case-insensitive).
     * Accounts always stay (they are how you switch); services stay when the filter is empty or they or one
     * of their rooms match.
     */
    public static List<Account> filter(List<Account> accounts, String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return accounts;
        }
        List<Account> result = new ArrayList<>(accounts.size());
        for (Account account : accounts) {
            List<Service> services = new ArrayList<>();
            for (Service service : account.services()) {
                boolean serviceMatches = service.jid().toLowerCase(Locale.ROOT).contains(needle);
                List<Room> rooms = serviceMatches ? service.rooms() : service.rooms().stream()
                        .filter(r -> r.jid().toLowerCase(Locale.ROOT).contains(needle)
                                || r.label().toLowerCase(Locale.ROOT).contains(needle))
                        .toList();
                if (serviceMatches || !rooms.isEmpty()) {
                    services.add(new Service(service.jid(), rooms));
                }
            }
            result.add(new Account(account.jid(), account.state(), account.active(), services));
        }
        return result;
    }

    /** How many rooms the tree holds (for "12 of 340 rooms"). */
    public static int roomCount(List<Account> accounts) {
        return accounts.stream().flatMap(a -> a.services().stream()).mapToInt(s -> s.rooms().size()).sum();
    }
}
