package org.chamberlain.app.accounts;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.chamberlain.app.connections.Addresses;

/**
 * An account's connection settings. Immutable. The password is not part of it (see {@link PasswordVault}).
 *
 * @param jid the bare JID, e.g. {@code owner@example.org}
 * @param host the host to connect to instead of the one DNS gives for the JID's domain
 * @param port the port to connect to; 0 for the default (DNS SRV or 5222)
 * @param tlsPolicy whether plaintext is allowed; {@link TlsPolicy#REQUIRED} unless the person chose otherwise
 * @param passwordStorage where the password is kept between runs
 * @param trustedCertificates SHA-256 fingerprints of server certificates the person accepted although the
 *     system did not trust them (upper-case hex, colon-separated)
 */
public record Account(String jid, Optional<String> host, int port, TlsPolicy tlsPolicy,
        PasswordStorage passwordStorage, Set<String> trustedCertificates) {

    public Account {
        Objects.requireNonNull(jid, "jid");
        if (!jid.contains("@") || jid.contains("/") || jid.startsWith("@") || jid.endsWith("@")) {
            throw new IllegalArgumentException("An account is a bare JID like name@example.org, not '" + jid + "'");
        }
        Objects.requireNonNull(host, "host");
        host = host.filter(h -> !h.isBlank()).map(String::strip);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 1 and 65535 (or 0 for the default): " + port);
        }
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(passwordStorage, "passwordStorage");
        trustedCertificates = Set.copyOf(new TreeSet<>(Objects.requireNonNull(trustedCertificates,
                "trustedCertificates")));
    }

    /** An account with default settings: DNS decides host and port, TLS required, password in the keyring. */
    public static Account of(String jid) {
        return new Account(jid, Optional.empty(), 0, TlsPolicy.REQUIRED, PasswordStorage.KEYRING, Set.of());
    }

    public String domain() {
        return jid.substring(jid.indexOf('@') + 1);
    }

    public String localpart() {
        return Addresses.localpart(jid);
    }

    public Account withServer(String newHost, int newPort) {
        return new Account(jid, Optional.ofNullable(newHost), newPort, tlsPolicy, passwordStorage,
                trustedCertificates);
    }

    public Account withTlsPolicy(TlsPolicy policy) {
        return new Account(jid, host, port, policy, passwordStorage, trustedCertificates);
    }

    public Account withPasswordStorage(PasswordStorage storage) {
        return new Account(jid, host, port, tlsPolicy, storage, trustedCertificates);
    }

    /** This account, also trusting the certificate with {@code sha256Fingerprint}. */
    public Account trusting(String sha256Fingerprint) {
        Set<String> trusted = new TreeSet<>(trustedCertificates);
        trusted.add(sha256Fingerprint);
        return new Account(jid, host, port, tlsPolicy, passwordStorage, trusted);
    }
}
