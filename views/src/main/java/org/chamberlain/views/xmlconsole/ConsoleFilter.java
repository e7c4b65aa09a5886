package org.chamberlain.views.xmlconsole;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The XML console's filter: kinds shown, directions shown, a JID (matched against {@code from} and
 * {@code to}, case-insensitive, bare JID matches its full JIDs) and free text searched in the XML.
 * Immutable; {@link #test} is pure.
 */
public record ConsoleFilter(Set<ConsoleEntry.Kind> kinds, boolean incoming, boolean outgoing, String jid,
        String text) implements Predicate<ConsoleEntry> {

    public ConsoleFilter {
        kinds = kinds.isEmpty() ? EnumSet.noneOf(ConsoleEntry.Kind.class) : EnumSet.copyOf(kinds);
        jid = jid == null ? "" : jid.strip().toLowerCase(Locale.ROOT);
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public static ConsoleFilter all() {
        return new ConsoleFilter(EnumSet.allOf(ConsoleEntry.Kind.class), true, true, "", "");
    }

    @Override
    public boolean test(ConsoleEntry entry) {
        if (!kinds.contains(entry.kind())) {
            return false;
        }
        if (entry.outgoing() ? !outgoing : !incoming) {
            return false;
        }
        if (!jid.isEmpty() && !entry.from().toLowerCase(Locale.ROOT).contains(jid)
                && !entry.to().toLowerCase(Locale.ROOT).contains(jid)) {
            return false;
        }
        return text.isEmpty() || entry.xml().toLowerCase(Locale.ROOT).contains(text);
    }
}
