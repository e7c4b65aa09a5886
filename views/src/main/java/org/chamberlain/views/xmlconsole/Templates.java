package org.chamberlain.views.xmlconsole;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starting points for raw XML, filled with the account's domain and MUC service. Pure; any thread. */
public final class Templates {
    private Templates() {
    }

    /** Template name → XML, in menu order. */
    public static Map<String, String> forAccount(String domain, String mucService) {
        String room = "room@" + mucService;
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("Message", "<message to='someone@" + domain + "' type='chat' id='msg-1'>\n"
                + "  <body>Hello</body>\n</message>");
        templates.put("Presence", "<presence>\n  <show>chat</show>\n  <status>Here</status>\n</presence>");
        templates.put("IQ get", "<iq type='get' to='" + domain + "' id='get-1'>\n"
                + "  <ping xmlns='urn:xmpp:ping'/>\n</iq>");
        templates.put("IQ set", "<iq type='set' id='set-1'>\n  <query xmlns='jabber:iq:roster'>\n"
                + "    <item jid='someone@" + domain + "'/>\n  </query>\n</iq>");
        templates.put("Disco#info", "<iq type='get' to='" + mucService + "' id='disco-1'>\n"
                + "  <query xmlns='http://jabber.org/protocol/disco#info'/>\n</iq>");
        templates.put("Room configuration request", "<iq type='get' to='" + room + "' id='config-1'>\n"
                + "  <query xmlns='http://jabber.org/protocol/muc#owner'/>\n</iq>");
        return templates;
    }
}
