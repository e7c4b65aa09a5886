package org.chamberlain.app.connections;

import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.XmlEnvironment;

/** XML text written to the stream exactly as given (the XML console's "send raw"). */
final class RawXml implements Nonza {
    private final String xml;

    RawXml(String xml) {
        this.xml = xml;
    }

    @Override
    public String getNamespace() {
        return null;
    }

    @Override
    public String getElementName() {
        return "raw";
    }

    @Override
    public CharSequence toXML(XmlEnvironment environment) {
        return xml;
    }
}
