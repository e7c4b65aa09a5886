package org.chamberlain.scripting.xml;

/** Namespace names the replayer knows. */
public final class Namespaces {
    /** The default namespace of stanzas in a client stream, and of script blocks. */
    public static final String JABBER_CLIENT = "jabber:client";
    /** The namespace behind the {@code scansion} prefix that every script block may use. */
    public static final String SCANSION = "https://matthewwild.co.uk/projects/scansion";
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";

    private Namespaces() {
    }
}
