package org.chamberlain.scripting.run;

import org.chamberlain.scripting.xml.Element;

/**
 * A stanza as it arrived on an account's connection.
 *
 * @param xml exactly the characters that arrived
 * @param element the parsed stanza, or null when it could not be parsed
 * @param arrivalNanos {@link System#nanoTime()} when its last bytes were read from the socket
 */
public record ReceivedStanza(String account, String xml, Element element, long arrivalNanos) {
}
