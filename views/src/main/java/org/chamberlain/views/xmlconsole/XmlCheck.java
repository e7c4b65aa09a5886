package org.chamberlain.views.xmlconsole;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks text typed into the XML console before it is sent: exactly one well-formed element (namespace
 * prefixes must be declared, no DTD, no entities beyond XML's own). Pure; any thread.
 */
public final class XmlCheck {
    private XmlCheck() {
    }

    /** Null when {@code xml} may be sent, else a sentence saying what is wrong and where. */
    public static String problem(String xml) {
        if (xml == null || xml.isBlank()) {
            return "Nothing to send.";
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // A wrapper declares the stream's default namespace and lets us count the top-level elements.
        String wrapped = "<wrapper xmlns='jabber:client'>" + xml + "</wrapper>";
        int elements = 0;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(wrapped));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        elements++;
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamReader.CHARACTERS && depth == 1 && !reader.isWhiteSpace()) {
                    return "Text outside the element: \"" + reader.getText().strip() + "\".";
                } else if (event == XMLStreamReader.DTD) {
                    return "Document type declarations are not allowed.";
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
            int marker = message.indexOf("Message: ");
            String why = marker >= 0 ? message.substring(marker + 9) : message;
            if (e.getLocation() != null) {
                int column = e.getLocation().getLineNumber() == 1
                        ? Math.max(1, e.getLocation().getColumnNumber() - "<wrapper xmlns='jabber:client'>".length())
                        : e.getLocation().getColumnNumber();
                return "Not well-formed at line " + e.getLocation().getLineNumber() + ", column " + column + ": "
                        + why.strip();
            }
            return "Not well-formed: " + why.strip();
        }
        if (elements != 1) {
            return elements == 0 ? "No element to send." : "Send one element at a time (found " + elements + ").";
        }
        return null;
    }
}
