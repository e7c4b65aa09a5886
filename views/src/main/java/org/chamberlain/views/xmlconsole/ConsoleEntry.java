package org.chamberlain.views.xmlconsole;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One element in an XML console, already redacted, with what the filters need extracted once. Immutable.
 */
public record ConsoleEntry(long epochMillis, boolean outgoing, Kind kind, String from, String to, String xml) {
    private static final Pattern START_TAG = Pattern.compile("^\\s*<([A-Za-z_][\\w.:-]*)([^>]*)>", Pattern.DOTALL);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** What kind of element it is (the filter's choices). */
    public enum Kind { MESSAGE, PRESENCE, IQ, OTHER }

    /** Redacts {@code rawXml} and extracts kind, {@code from} and {@code to} from its start tag. */
    public static ConsoleEntry of(long epochMillis, boolean outgoing, String rawXml) {
        String xml = Redaction.redact(rawXml == null ? "" : rawXml.strip());
        Matcher tag = START_TAG.matcher(xml);
        Kind kind = Kind.OTHER;
        String from = "";
        String to = "";
        if (tag.find()) {
            String name = tag.group(1);
            String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
            kind = switch (local) {
                case "message" -> Kind.MESSAGE;
                case "presence" -> Kind.PRESENCE;
                case "iq" -> Kind.IQ;
                default -> Kind.OTHER;
            };
            from = attribute(tag.group(2), "from");
            to = attribute(tag.group(2), "to");
        }
        return new ConsoleEntry(epochMillis, outgoing, kind, from, to, xml);
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "\\s*=\\s*(['\"])(.*?)\\1").matcher(attributes);
        return m.find() ? m.group(2) : "";
    }

    public String timeLabel() {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** One line per entry in a saved file: time, direction, the XML. */
    public String toSavedText() {
        return timeLabel() + (outgoing ? " SENT " : " RECV ") + xml;
    }
}
