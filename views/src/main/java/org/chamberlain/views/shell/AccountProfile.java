package org.chamberlain.views.shell;

import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;

/**
 * An account the app knows how to sign in with: the bare JID, the password if remembered, and where to
 * connect when DNS should not decide ({@code host}/{@code port}, as in the sandbox).
 */
public record AccountProfile(String jid, String password, String host, int port, boolean plaintextAllowed) {

    public AccountProfile {
        Objects.requireNonNull(jid, "jid");
        if (!jid.contains("@")) {
            throw new IllegalArgumentException("An account JID looks like name@server, got: " + jid);
        }
    }

    public String domain() {
        return jid.substring(jid.indexOf('@') + 1);
    }

    public String localpart() {
        return Addresses.localpart(jid);
    }

    public Optional<String> hostOverride() {
        return Optional.ofNullable(host).filter(h -> !h.isBlank());
    }

    @Override
    public String toString() {
        // Never the password: records end up in logs.
        return "AccountProfile[" + jid + (host == null ? "" : " via " + host + ":" + port) + "]";
    }
}
