package org.chamberlain.views.console.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chamberlain.scripting.xml.Attribute;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;
import org.chamberlain.scripting.xml.XmlParsing;
import org.chamberlain.scripting.xml.XmlWriter;
import org.chamberlain.views.console.XmlPretty;

/**
 * Turns recorded live traffic into a scansion script that replays it: declarations, {@code connects}, then
 * every stanza in time order as {@code sends}/{@code receives} blocks. Made replayable on another run or
 * server by: JIDs of recorded accounts replaced by {@code ${Name's JID}} / {@code ${Name's full JID}};
 * {@code from} dropped on sends (the server stamps it); {@code to} and {@code xml:lang} dropped on receives
 * when they only name the account itself; ids the server made up (received ids no recorded send used) and
 * every {@code stamp} replaced by {@code {scansion:any}}; server-added {@code stanza-id}, {@code occupant-id}
 * and {@code delay} children of stanzas dropped (the matcher ignores extra children there); received
 * elements of other namespaces marked {@code scansion:strict="false"} (Prosody's child order varies). Pure;
 * any thread.
 */
public final class SessionRecorder {
    private static final String ANY = "{scansion:any}";
    private static final Set<String> SERVER_ADDED = Set.of("urn:xmpp:sid:0 stanza-id",
            "urn:xmpp:occupant-id:0 occupant-id", "urn:xmpp:delay delay");
    private static final Set<String> STANZAS = Set.of("message", "presence", "iq");

    /** A recorded account: its script name, bare JID and the full JID it had while recorded. */
    public record Account(String name, String bareJid, String fullJid) {
    }

    /** One element of an account's traffic. */
    public record Recorded(String account, boolean outgoing, String xml, long epochMillis) {
    }

    private SessionRecorder() {
    }

    /**
     * The script; elements that are not stanzas (SASL, features) and stanzas that cannot be parsed are left
     * out and counted in a comment.
     */
    public static String toScript(String title, List<Account> accounts, List<Recorded> traffic) {
        List<Recorded> ordered = new ArrayList<>(traffic);
        ordered.sort(Comparator.comparingLong(Recorded::epochMillis));
        Set<String> sentIds = new HashSet<>();
        List<Element> parsed = new ArrayList<>();
        List<Recorded> kept = new ArrayList<>();
        int skipped = 0;
        int reflections = 0;
        for (Recorded recorded : ordered) {
            Element element;
            try {
                element = XmlParsing.parseStanza(recorded.xml());
            } catch (XmlParsing.XmlProblem e) {
                skipped++;
                continue;
            }
            Account self = account(accounts, recorded.account());
            if (!STANZAS.contains(element.localName()) || self == null) {
                skipped++;
                continue;
            }
            if (isOwnPresenceReflected(element, recorded, self)) {
                // The server reflects an account's own presence back to it. When the app sent that presence
                // before recording began (it does at login), a replay never sends it and would wait forever
                // for the echo; when it was recorded, the echo proves nothing the send does not.
                reflections++;
                continue;
            }
            if (recorded.outgoing() && element.attribute("id") != null) {
                sentIds.add(element.attribute("id"));
            }
            parsed.add(element);
            kept.add(recorded);
        }
        causesFirst(kept, parsed);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append('\n');
        out.append("# Recorded by Chamberlain. Passwords are placeholders: set real ones to replay elsewhere.\n");
        if (skipped > 0) {
            out.append("# ").append(skipped).append(" non-stanza elements (login, stream) were left out.\n");
        }
        if (reflections > 0) {
            out.append("# ").append(reflections).append(" reflections of an account's own presence were left out.\n");
        }
        out.append('\n');
        for (Account account : accounts) {
            out.append("[Client] ").append(account.name()).append('\n');
            out.append("\tjid: ").append(account.bareJid()).append('\n');
            out.append("\tpassword: password\n\n");
        }
        out.append("---------\n\n");
        for (Account account : accounts) {
            out.append(account.name()).append(" connects\n\n");
        }
        for (int i = 0; i < kept.size(); i++) {
            Recorded recorded = kept.get(i);
            Account self = account(accounts, recorded.account());
            Element rewritten = rewrite(parsed.get(i), accounts, self, recorded.outgoing(), sentIds, true);
            out.append(self.name()).append(recorded.outgoing() ? " sends:\n" : " receives:\n");
            for (String line : XmlPretty.format(XmlWriter.toXml(rewritten)).split("\n")) {
                out.append('\t').append(line).append('\n');
            }
            out.append('\n');
        }
        for (Account account : accounts) {
            out.append(account.name()).append(" disconnects\n\n");
        }
        return out.toString();
    }

    /**
     * Smack reports a sent stanza after writing it, so on loopback its answer (or a room's reflection, or the
     * other account's copy) can be recorded first. A received stanza carrying the id of a stanza sent later
     * is a consequence of it: move that send up, right before its first consequence.
     */
    static void causesFirst(List<Recorded> kept, List<Element> parsed) {
        for (int i = 0; i < kept.size(); i++) {
            if (!kept.get(i).outgoing() || parsed.get(i).attribute("id") == null) {
                continue;
            }
            String id = parsed.get(i).attribute("id");
            for (int j = 0; j < i; j++) {
                if (!kept.get(j).outgoing() && id.equals(parsed.get(j).attribute("id"))) {
                    kept.add(j, kept.remove(i));
                    parsed.add(j, parsed.remove(i));
                    break;
                }
            }
        }
    }

    private static boolean isOwnPresenceReflected(Element element, Recorded recorded, Account self) {
        return !recorded.outgoing() && "presence".equals(element.localName())
                && self.fullJid() != null && self.fullJid().equals(element.attribute("from"));
    }

    private static Account account(List<Account> accounts, String name) {
        for (Account account : accounts) {
            if (account.name().equals(name)) {
                return account;
            }
        }
        return null;
    }

    static Element rewrite(Element element, List<Account> accounts, Account self, boolean outgoing,
            Set<String> sentIds, boolean top) {
        List<Attribute> attributes = new ArrayList<>();
        for (Attribute attribute : element.attributes()) {
            String name = attribute.qualifiedName();
            String value = attribute.value();
            if (top && outgoing && name.equals("from")) {
                continue;
            }
            if (top && !outgoing && (name.equals("xml:lang")
                    || name.equals("to") && (value.equals(self.fullJid()) || value.equals(self.bareJid())))) {
                continue;
            }
            if (name.equals("stamp") || top && !outgoing && name.equals("id") && !sentIds.contains(value)) {
                attributes.add(attribute.withValue(ANY));
            } else {
                attributes.add(attribute.withValue(jidVariable(value, accounts)));
            }
        }
        if (!outgoing && !Namespaces.JABBER_CLIENT.equals(element.namespace()) && !element.children().isEmpty()) {
            // Other namespaces match strictly (children pairwise, in order), but Prosody orders some children
            // differently between runs (muc#user's item and status codes): let order and extras not matter.
            attributes.add(new Attribute(Namespaces.SCANSION, "strict", "scansion", "false"));
        }
        List<Object> content = new ArrayList<>();
        for (Object item : element.content()) {
            if (item instanceof Element child) {
                if (!outgoing && Namespaces.JABBER_CLIENT.equals(element.namespace())
                        && SERVER_ADDED.contains(child.namespace() + " " + child.localName())) {
                    continue;
                }
                content.add(rewrite(child, accounts, self, outgoing, sentIds, false));
            } else {
                content.add(item);
            }
        }
        java.util.Map<String, String> declarations = new java.util.LinkedHashMap<>(element.namespaceDeclarations());
        if (top && Namespaces.JABBER_CLIENT.equals(declarations.get(""))) {
            // Script blocks are in jabber:client already; Smack's copies declare it on every stanza.
            declarations.remove("");
        }
        return new Element(element.namespace(), element.localName(), element.prefix(), attributes, declarations,
                content, element.line(), element.column());
    }

    /** {@code ${Name's full JID}} or {@code ${Name's JID}} when the value is exactly one of theirs. */
    static String jidVariable(String value, List<Account> accounts) {
        for (Account account : accounts) {
            if (value.equals(account.fullJid())) {
                return "${" + account.name() + "'s full JID}";
            }
        }
        for (Account account : accounts) {
            if (value.equals(account.bareJid())) {
                return "${" + account.name() + "'s JID}";
            }
        }
        return value;
    }
}
