package org.chamberlain.scripting.report;

import java.util.Locale;

/**
 * A minimal JSON object writer: the event stream must start fast (it runs in a child process per replay),
 * and a data-binding library would cost more class loading than the whole replay of a small script.
 */
public final class Json {
    private final StringBuilder out = new StringBuilder(256);
    private boolean first = true;

    private Json() {
        out.append('{');
    }

    public static Json object() {
        return new Json();
    }

    private Json key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name, out);
        out.append(':');
        return this;
    }

    public Json put(String name, String value) {
        key(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value, out);
        }
        return this;
    }

    public Json put(String name, long value) {
        key(name).out.append(value);
        return this;
    }

    public Json put(String name, boolean value) {
        key(name).out.append(value);
        return this;
    }

    /** A number of milliseconds from nanoseconds, with 3 decimals. */
    public Json millis(String name, long nanos) {
        key(name).out.append(String.format(Locale.ROOT, "%.3f", nanos / 1e6));
        return this;
    }

    /** Inserts already-written JSON (an object or array). */
    public Json raw(String name, String json) {
        key(name).out.append(json);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    /** Writes a JSON string literal. */
    public static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        quote(value, out);
        return out.toString();
    }
}
