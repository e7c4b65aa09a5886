package org.chamberlain.views.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlPrettyTest {

    @Test
    void indentsElementsAndKeepsShortTextInline() {
        assertThat(XmlPretty.format("<message to='a'><body>Hi &amp; bye</body><x xmlns='y'><item a=\"1>2\"/></x>"
                + "</message>")).isEqualTo("""
                <message to='a'>
                  <body>Hi &amp; bye</body>
                  <x xmlns='y'>
                    <item a="1>2"/>
                  </x>
                </message>""");
    }

    @Test
    void emptyElementsWithAnEndTagStayOnOneLine() {
        assertThat(XmlPretty.format("<x><photo></photo></x>")).isEqualTo("<x>\n  <photo></photo>\n</x>");
    }

    @Test
    void findsTheLineAMatcherPathPointsAt() {
        String pretty = XmlPretty.format("<presence from='r'><x xmlns='u'><status code='1'/><status code='2'/>"
                + "<item role='x'/></x><p:show xmlns:p='q'>away</p:show></presence>");

        assertThat(XmlPretty.lineOfPath(pretty, "/presence/@from")).isZero();
        assertThat(XmlPretty.lineOfPath(pretty, "/presence/x/status[2]/@code")).isEqualTo(3);
        assertThat(XmlPretty.lineOfPath(pretty, "/presence/x/item")).isEqualTo(4);
        assertThat(XmlPretty.lineOfPath(pretty, "/presence/show/text()")).isEqualTo(6);
        assertThat(XmlPretty.lineOfPath(pretty, "/presence/x/nothing")).as("deepest found").isEqualTo(1);
        assertThat(XmlPretty.lineOfPath(pretty, "/iq")).isEqualTo(-1);
    }
}
