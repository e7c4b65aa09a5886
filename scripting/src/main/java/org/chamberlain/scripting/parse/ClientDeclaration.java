package org.chamberlain.scripting.parse;

import java.util.Map;
import java.util.Objects;

/** A {@code [Client] Name} declaration with its properties ({@code jid}, {@code password}, …). */
public record ClientDeclaration(String name, Map<String, String> properties, int line, int column) {
    public ClientDeclaration {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
    }

    /** The {@code jid} property as written (bare or full). */
    public String jid() {
        return properties.get("jid");
    }

    public String password() {
        return properties.getOrDefault("password", "");
    }

    /** The bare JID: the {@code jid} property without a resource. */
    public String bareJid() {
        String jid = jid();
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    /** The resource to request: from the {@code jid} property, else {@code resource:}, else null (server picks). */
    public String resource() {
        String jid = jid();
        int slash = jid.indexOf('/');
        if (slash >= 0 && slash < jid.length() - 1) {
            return jid.substring(slash + 1);
        }
        return properties.get("resource");
    }

    public String connectHost() {
        return properties.get("connect_host");
    }

    /** The {@code connect_port} property, or -1. */
    public int connectPort() {
        String port = properties.get("connect_port");
        return port == null ? -1 : Integer.parseInt(port.trim());
    }
}
