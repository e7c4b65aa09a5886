package org.chamberlain.views.xmlconsole;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from XML text before it is shown or saved: SASL payloads ({@code auth}, {@code response},
 * {@code challenge}, {@code success} in the SASL namespace), {@code <password>} elements (registration, MUC
 * join, legacy auth) and the values of data-form fields that hold secrets ({@code text-private} fields and
 * fields whose {@code var} mentions a password or secret, e.g. {@code muc#roomconfig_roomsecret}). Works on
 * text, so it also redacts XML that is not well-formed. Pure; any thread.
 */
public final class Redaction {
    public static final String MARK = "[redacted]";

    private static final Pattern SASL = Pattern.compile(
            "(<(auth|response|challenge|success)\\b[^>]*urn:ietf:params:xml:ns:xmpp-sasl[^>]*(?<!/)>)(.*?)(</\\2>)",
            Pattern.DOTALL);
    private static final Pattern PASSWORD = Pattern.compile("(<(password|digest)\\b[^>]*(?<!/)>)(.*?)(</\\2>)",
            Pattern.DOTALL);
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(<field\\b(?=[^>]*(?:type=['\"]text-private['\"]|var=['\"][^'\"]*(?:password|secret|passwd)[^'\"]*['\"]))"
                    + "[^>]*(?<!/)>)(.*?)(</field>)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("(<value\\b[^>]*(?<!/)>)(.*?)(</value>)", Pattern.DOTALL);

    private Redaction() {
    }

    public static String redact(String xml) {
        if (xml == null || xml.isEmpty()) {
            return xml;
        }
        String out = replaceContent(SASL, xml, 1, 3, 4);
        out = replaceContent(PASSWORD, out, 1, 3, 4);
        Matcher field = SECRET_FIELD.matcher(out);
        StringBuilder result = new StringBuilder();
        while (field.find()) {
            String values = replaceContent(VALUE, field.group(2), 1, 2, 3);
            field.appendReplacement(result, Matcher.quoteReplacement(field.group(1) + values + field.group(3)));
        }
        field.appendTail(result);
        return result.toString();
    }

    private static String replaceContent(Pattern pattern, String text, int open, int content, int close) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = m.group(content).isBlank() ? m.group(content) : MARK;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(open) + replacement + m.group(close)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
