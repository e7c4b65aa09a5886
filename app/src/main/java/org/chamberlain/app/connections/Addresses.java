package org.chamberlain.app.connections;

import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Parses the addresses people type into Smack's JID types, with a clear refusal for bad input. Services use
 * it at their boundary; our public API speaks plain strings. Stateless; any thread.
 */
public final class Addresses {

    private Addresses() {
    }

    /**
     * The part of an address before its {@code @}: {@code alice} for {@code alice@example.org}, {@code lobby} for
     * a room; the whole text when there is no {@code @}. Plain text, no validation.
     */
    public static String localpart(String address) {
        int at = address.indexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** A room address, {@code name@service}. */
    public static EntityBareJid room(String text) throws ModerationException {
        try {
            EntityBareJid room = JidCreate.entityBareFrom(strip(text));
            if (!isPlausible(room)) {
                throw malformed(text, "a room address (name@service)", null);
            }
            return room;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw malformed(text, "a room address (name@service)", e);
        }
    }

    /** A person's bare address, {@code name@server}. A full JID is cut to its bare part. */
    public static EntityBareJid person(String text) throws ModerationException {
        try {
            Jid jid = JidCreate.from(strip(text));
            EntityBareJid bare = jid.asEntityBareJidIfPossible();
            // jxmpp does not enforce every RFC 7622 rule (it accepted "not a jid@@"): isPlausible does.
            if (bare == null || !isPlausible(bare)) {
                throw malformed(text, "a person's address (name@server)", null);
            }
            return bare;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw malformed(text, "a person's address (name@server)", e);
        }
    }

    /** Any bare JID: a person, a room, or a server. */
    public static BareJid bare(String text) throws ModerationException {
        try {
            return JidCreate.bareFrom(strip(text));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw malformed(text, "an address", e);
        }
    }

    /** A service or server address, e.g. {@code conference.example.org}. */
    public static DomainBareJid service(String text) throws ModerationException {
        try {
            DomainBareJid service = JidCreate.domainBareFrom(strip(text));
            if (!isPlausible(service)) {
                throw malformed(text, "a service address (e.g. conference.example.org)", null);
            }
            return service;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw malformed(text, "a service address (e.g. conference.example.org)", e);
        }
    }

    /** A nickname in a room. */
    public static Resourcepart nickname(String text) throws ModerationException {
        try {
            return Resourcepart.from(strip(text));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw malformed(text, "a nickname", e);
        }
    }

    /** The canonical text of a room address (lower-cased where XMPP says case does not matter). */
    public static String canonicalRoom(String text) throws ModerationException {
        return room(text).toString();
    }

    private static String strip(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        return text.strip();
    }

    private static ModerationException malformed(String text, String expected, Exception cause) {
        return new ModerationException(Condition.JID_MALFORMED,
                "'" + text + "' is not " + expected + ".", null, cause);
    }

    /**
     * Whether jxmpp's parse of what a person typed is an address a server could have: jxmpp does not enforce
     * every RFC 7622 rule. Any thread.
     */
    public static boolean isPlausible(Jid jid) {
        return jid.getDomain() != null && plausibleDomain(jid.getDomain().toString())
                && (jid.getLocalpartOrNull() == null || plausibleLocalpart(jid.getLocalpartOrNull().toString()));
    }

    /**
     * jxmpp accepts domains such as {@code @address} (from {@code bad@@address}) or {@code exa mple.org}; a
     * server would refuse them one by one at Apply. RFC 7622 domains are host names or IP literals.
     */
    private static boolean plausibleDomain(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String literal = domain.substring(1, domain.length() - 1);
            return !literal.isEmpty() && literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':'
                    || c == '.');
        }
        String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            boolean hostChars = label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-") || !hostChars) {
                return false;
            }
        }
        return true;
    }

    /** RFC 7622 section 3.3.1: these characters are never allowed in a localpart. */
    private static boolean plausibleLocalpart(String localpart) {
        return localpart.codePoints().noneMatch(c -> Character.isWhitespace(c) || "\"&'/:<>@".indexOf(c) >= 0);
    }
}
