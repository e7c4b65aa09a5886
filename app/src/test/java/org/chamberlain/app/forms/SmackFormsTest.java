package org.chamberlain.app.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jivesoftware.smack.Smack;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Conversion between our model and Smack's DataForm, through the XML Smack would send and parse. */
class SmackFormsTest {
    static {
        // Initialises Smack (registers its providers, e.g. for <desc/>), as creating a connection would.
        Smack.getVersion();
    }

    @Test
    void everyFieldTypeSurvivesARoundTripThroughXml() throws Exception {
        FormDefinition original = FormDefinitionTest.everyFieldType();

        String xml = SmackForms.toFormDataForm(original, original.initialAnswers()).toXML().toString();
        FormDefinition parsed = SmackForms.fromDataForm(parse(xml));

        assertThat(parsed).isEqualTo(original);
    }

    @Test
    void aFieldWithoutTypeIsTextSingleAndFixedWithoutVarIsKept() throws Exception {
        String xml = "<x xmlns='jabber:x:data' type='form'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:example:t</value></field>"
                + "<field type='fixed'><value>Header</value></field>"
                + "<field var='untyped' label='Untyped'><value>v</value></field>"
                + "</x>";

        FormDefinition form = SmackForms.fromDataForm(parse(xml));

        assertThat(form.formType()).contains("urn:example:t");
        assertThat(form.fields()).hasSize(2);
        assertThat(form.fields().get(0).var()).isEmpty();
        assertThat(form.fields().get(0).values()).containsExactly("Header");
        assertThat(form.fields().get(1).type()).isEqualTo(FieldType.TEXT_SINGLE);
    }

    @Test
    void submitFormCarriesFormTypeFirstThenTheSubmittedFieldsWithoutLabelsOrOptions() throws Exception {
        FormDefinition form = FormDefinitionTest.everyFieldType();
        FormSubmission submission = form.submission(form.initialAnswers()
                .with("presence", List.of("visitor")).with("admins", List.of("b@example.org", "c@example.org")));

        // Smack leaves 'type' out of submit forms (XEP-0004 allows it) and its own parser then takes unknown
        // fields for text-single, so the sent XML is checked with a plain DOM parser.
        String xml = SmackForms.toSubmitDataForm(form, submission).toXML().toString();
        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();

        assertThat(root.getAttribute("type")).isEqualTo("submit");
        NodeList fields = root.getElementsByTagNameNS("jabber:x:data", "field");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fields.getLength(); i++) {
            Element field = (Element) fields.item(i);
            names.add(field.getAttribute("var"));
            assertThat(field.hasAttribute("label")).isFalse();
            assertThat(field.getElementsByTagNameNS("jabber:x:data", "option").getLength()).isZero();
        }
        assertThat(names).containsExactly("FORM_TYPE", "name", "presence", "admins", "session");
        assertThat(values((Element) fields.item(3))).containsExactly("b@example.org", "c@example.org");
        assertThat(values((Element) fields.item(2))).containsExactly("visitor");
    }

    private static List<String> values(Element field) {
        NodeList values = field.getElementsByTagNameNS("jabber:x:data", "value");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            texts.add(values.item(i).getTextContent());
        }
        return texts;
    }

    private static DataForm parse(String xml) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(xml);
        return new DataFormProvider().parse(parser);
    }
}
