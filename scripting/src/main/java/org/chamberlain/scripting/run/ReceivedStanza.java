package org.chamberlain.scripting.run;

import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.XmlParsing;

/**
 * A stanza as it arrived on an account's connection.
 *
 * <p>The text is parsed on first use of {@link #element()}, not on arrival: in a room of many accounts most
 * copies of the room's traffic are never looked at by the script, and parsing every one of them on the reader
 * threads was most of the replayer's CPU time (docs/benchmarks.md, "Replayer after speed work"). Any thread may
 * call any method.
 */
public final class ReceivedStanza {
    private static final Object UNPARSABLE = new Object();

    private final String account;
    private final String xml;
    private final long arrivalNanos;
    /** Null until parsed; then the {@link Element} or {@link #UNPARSABLE}. */
    private volatile Object parsed;

    /**
     * @param xml exactly the characters that arrived
     * @param arrivalNanos {@link System#nanoTime()} when its last bytes were read from the socket
     */
    public ReceivedStanza(String account, String xml, long arrivalNanos) {
        this.account = account;
        this.xml = xml;
        this.arrivalNanos = arrivalNanos;
    }

    /** A stanza already parsed (or known to be unparsable: {@code element} null). */
    public ReceivedStanza(String account, String xml, Element element, long arrivalNanos) {
        this(account, xml, arrivalNanos);
        this.parsed = element == null ? UNPARSABLE : element;
    }

    public String account() {
        return account;
    }

    /** Exactly the characters that arrived. */
    public String xml() {
        return xml;
    }

    /** The parsed stanza, or null when it cannot be parsed. */
    public Element element() {
        Object result = parsed;
        if (result == null) {
            try {
                result = XmlParsing.parseStanza(xml);
            } catch (XmlParsing.XmlProblem e) {
                result = UNPARSABLE;
            }
            parsed = result;
        }
        return result == UNPARSABLE ? null : (Element) result;
    }

    /** {@link System#nanoTime()} when its last bytes were read from the socket. */
    public long arrivalNanos() {
        return arrivalNanos;
    }

    @Override
    public String toString() {
        return "ReceivedStanza[" + account + ": " + xml + "]";
    }
}
