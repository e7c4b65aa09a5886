package org.chamberlain.app.connections;

import java.util.Objects;

/**
 * One top-level element that went over an account's stream (stanza or nonza: SASL, stream features…), as
 * XML text, for the XML console. Immutable. The text is Smack's serialization of what it parsed or sent,
 * which may differ in attribute order and namespace placement from the bytes on the wire.
 *
 * @param outgoing      true for what we sent
 * @param epochMillis   when Smack handed it over
 */
public record TrafficRecord(String accountJid, boolean outgoing, String xml, long epochMillis) {
    public TrafficRecord {
        Objects.requireNonNull(accountJid, "accountJid");
        Objects.requireNonNull(xml, "xml");
    }
}
